package coop.roseash.shared.fragments;

import static org.assertj.core.api.Assertions.assertThat;

import coop.roseash.devinfra.PlatformTestResource;
import coop.roseash.shared.web.SiteHeader;
import coop.roseash.shared.web.SiteHeaderSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The page layout's SiteHeaderSource is the fragments client, asking each provider with the visitor's identity. */
@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
@TestProfile(FragmentTestProfile.class)
class SiteHeaderFragmentsTest {

    @Inject
    SiteHeaderSource header;

    @Inject
    FragmentCache cache;

    @BeforeEach
    void emptyCache() {
        cache.invalidateAll("blog", "nav-tree");
        cache.invalidateAll("federation", "auth-menu");
        cache.invalidateAll("cart", "cart-mini");
    }

    private SiteHeader load(Long userId, String deviceId) throws Exception {
        return header.load(userId, deviceId).toCompletableFuture().get(5, TimeUnit.SECONDS);
    }

    @Test
    void aMembersHeaderAsksForTheMembersMenuAndCart() throws Exception {
        SiteHeader site = load(42L, "device-1");

        assertThat(header).isInstanceOf(SiteHeaderFragments.class);
        assertThat(site.navTreeHtml()).isEqualTo("<i>nav-tree?</i>");
        assertThat(site.authMenuHtml()).isEqualTo("<i>auth-menu?user_id=42</i>");
        assertThat(site.cartMiniHtml()).isEqualTo("<i>cart-mini?user_id=42</i>");
    }

    @Test
    void anAnonymousVisitorsCartIsTheDevicesCart() throws Exception {
        SiteHeader site = load(null, "device-1");

        assertThat(site.authMenuHtml()).isEqualTo("<i>auth-menu?</i>");
        assertThat(site.cartMiniHtml()).isEqualTo("<i>cart-mini?device_id=device-1</i>");
    }
}
