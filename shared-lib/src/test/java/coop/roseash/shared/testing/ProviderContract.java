package coop.roseash.shared.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import coop.roseash.shared.fragments.FragmentParams;
import coop.roseash.shared.fragments.FragmentProvider;
import coop.roseash.shared.fragments.FragmentProviders;
import coop.roseash.shared.fragments.catalogue.FragmentCatalogue;
import coop.roseash.shared.fragments.catalogue.FragmentSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fragment contract of one provider service, for its tests: every fragment it serves is in the catalogue
 * under this service, and answers (renders without failing) with no parameters and with every parameter the
 * catalogue declares for it.
 */
public final class ProviderContract {

    private ProviderContract() {
    }

    /** Checks {@code service}'s providers against the catalogue; {@code samples} give realistic parameter values. */
    public static void check(String service, FragmentProviders providers, Map<String, String> samples) {
        assertThat(providers.types()).as("fragments %s provides", service).isNotEmpty();
        for (String type : providers.types()) {
            FragmentSpec spec = FragmentCatalogue.find(type).orElse(null);
            assertThat(spec).as("fragment %s of %s is in FragmentCatalogue", type, service).isNotNull();
            assertThat(spec.name()).as("provider type is the catalogue name").isEqualTo(type);
            assertThat(spec.providers()).as("providers of %s in the catalogue", type).contains(service);
            FragmentProvider provider = providers.forType(type).orElseThrow();
            for (FragmentParams params : List.of(FragmentParams.NONE, allParams(service, spec, samples))) {
                assertThatCode(() -> assertThat(provider.render(params)).isNotNull())
                        .as("%s renders with %s", type, params.canonicalQuery())
                        .doesNotThrowAnyException();
            }
        }
    }

    private static FragmentParams allParams(String service, FragmentSpec spec, Map<String, String> samples) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String name : spec.params()) {
            values.put(name, samples.getOrDefault(name, "1"));
        }
        return spec.key(service, FragmentParams.of(values)).params();
    }
}
