package coop.roseash.cart.fragments;

import coop.roseash.cart.support.CartTestResource;

import coop.roseash.devinfra.PlatformTestResource;
import coop.roseash.shared.fragments.FragmentProviders;
import coop.roseash.shared.testing.ProviderContract;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every fragment cart serves is in the catalogue under cart and answers with the catalogue's parameters. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
@WithTestResource(CartTestResource.class)
class FragmentContractTest {

    @Inject
    FragmentProviders providers;

    @Test
    void cartsFragmentsMatchTheCatalogue() {
        ProviderContract.check("cart", providers, Map.of("device_id", "contract-device", "variant", "compact", "user_id", "7", "slug", "orders"));
    }
}
