package coop.roseash.blog.fragments;

import coop.roseash.shared.fragments.FragmentProviders;
import coop.roseash.shared.testing.ProviderContract;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every fragment blog serves is in the catalogue under blog and answers with the catalogue's parameters. */
@QuarkusTest
class FragmentContractTest {

    @Inject
    FragmentProviders providers;

    @Test
    void blogsFragmentsMatchTheCatalogue() {
        ProviderContract.check("blog", providers, Map.of("slug", "no-such-post", "container_type", "page", "variant", "compact"));
    }
}
