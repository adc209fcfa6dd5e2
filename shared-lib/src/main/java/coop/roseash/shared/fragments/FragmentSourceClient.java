package coop.roseash.shared.fragments;

import coop.roseash.shared.fragments.catalogue.FragmentCatalogue;
import coop.roseash.shared.fragments.catalogue.FragmentSpec;
import coop.roseash.shared.web.FragmentSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import org.jboss.logging.Logger;

/** The {@code (frag "service" "type" {params})} IO primitive's source: a blocking call of the fragment client. */
@ApplicationScoped
public class FragmentSourceClient implements FragmentSource {

    private static final Logger LOG = Logger.getLogger(FragmentSourceClient.class);
    // the client already gives up after the fragment timeout; this only bounds a stuck subscription
    private static final long GRACE_MS = 200;

    private final FragmentClient client;
    private final FragmentsConfig config;

    public FragmentSourceClient(FragmentClient client, FragmentsConfig config) {
        this.client = client;
        this.config = config;
    }

    private static FragmentKey checkedFamilyMember(FragmentSpec spec, String service, String type, FragmentParams query) {
        return spec.key(service, type.substring(spec.name().length() + 1), query);
    }

    @Override
    public String fetch(String service, String type, Map<String, String> params) {
        try {
            FragmentParams query = FragmentParams.of(params);
            FragmentKey key = FragmentCatalogue.find(type)
                    .map(spec -> spec.family() ? checkedFamilyMember(spec, service, type, query) : spec.key(service, query))
                    .orElseThrow(() -> new IllegalArgumentException("no fragment " + type + " in the catalogue"));
            return client.fetch(key)
                    .await().atMost(Duration.ofMillis(config.timeoutMs() + GRACE_MS));
        } catch (RuntimeException e) {
            // unknown fragment or parameter, or called where blocking is not allowed: the page renders without it
            LOG.warnf("fragment %s from %s shown empty: %s", type, service, e.getMessage());
            return "";
        }
    }
}
