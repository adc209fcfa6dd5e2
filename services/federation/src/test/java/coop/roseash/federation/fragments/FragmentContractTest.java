package coop.roseash.federation.fragments;

import coop.roseash.devinfra.PlatformTestResource;
import coop.roseash.shared.fragments.FragmentProviders;
import coop.roseash.shared.testing.ProviderContract;
import coop.roseash.federation.SsoTestProfile;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every fragment federation serves is in the catalogue under federation and answers with the catalogue's parameters. */
@QuarkusTest
@TestProfile(SsoTestProfile.class)
@QuarkusTestResource(PlatformTestResource.class)
class FragmentContractTest {

    @Inject
    FragmentProviders providers;

    @Test
    void federationsFragmentsMatchTheCatalogue() {
        ProviderContract.check("federation", providers, Map.of("user_id", "999999999"));
    }
}
