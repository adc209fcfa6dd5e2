package coop.roseash.events.fragments;

import coop.roseash.devinfra.PlatformTestResource;
import coop.roseash.shared.fragments.FragmentProviders;
import coop.roseash.shared.testing.ProviderContract;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every fragment events serves is in the catalogue under events and answers with the catalogue's parameters. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class FragmentContractTest {

    @Inject
    FragmentProviders providers;

    @Test
    void eventsFragmentsMatchTheCatalogue() {
        ProviderContract.check("events", providers, Map.of("container_type", "page", "container_id", "1", "variant", "card", "user_id", "1", "slug", "tickets"));
    }
}
