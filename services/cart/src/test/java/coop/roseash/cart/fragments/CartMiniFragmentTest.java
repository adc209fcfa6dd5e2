package coop.roseash.cart.fragments;

import static org.assertj.core.api.Assertions.assertThat;

import coop.roseash.cart.support.CartTestResource;

import coop.roseash.devinfra.PlatformTestResource;
import coop.roseash.shared.fragments.FragmentParams;
import coop.roseash.shared.model.cart.CartItem;
import coop.roseash.shared.model.cart.ItemType;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** cart-mini counts the units in the cart of the identity it is asked about, and links to the cart. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
@WithTestResource(CartTestResource.class)
class CartMiniFragmentTest {

    @Inject
    CartMiniFragment cartMini;

    private static void addLine(Long userId, String deviceId, long productId, int quantity) {
        QuarkusTransaction.requiringNew().run(() -> {
            CartItem line = new CartItem();
            line.userId = userId;
            line.deviceId = deviceId;
            line.containerType = "page";
            line.containerId = 1L;
            line.itemType = ItemType.PRODUCT;
            line.itemId = productId;
            line.quantity = quantity;
            line.persist();
        });
    }

    private Element render(FragmentParams params) {
        return Jsoup.parseBodyFragment(cartMini.render(params)).selectFirst("a.cart-mini");
    }

    @Test
    void countsTheUnitsInADevicesCartAndLinksToTheCart() {
        String device = "device-" + UUID.randomUUID();
        addLine(null, device, 1, 2);
        addLine(null, device, 2, 1);

        Element link = render(FragmentParams.of("device_id", device));

        assertThat(link.select(".cart-mini-count").text()).isEqualTo("3");
        assertThat(link.attr("href")).isEqualTo("http://cart.localhost:8003/");
        assertThat(link.attr("title")).isEqualTo("Cart: 3 items");
    }

    @Test
    void aMembersCartIsTheMembersNotTheDevices() {
        long member = Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L) + 1;
        String device = "device-" + UUID.randomUUID();
        addLine(member, null, 1, 1);
        addLine(null, device, 1, 5);

        assertThat(render(FragmentParams.of(java.util.Map.of("user_id", member, "device_id", device)))
                .select(".cart-mini-count").text()).isEqualTo("1");
    }

    @Test
    void aVisitorWithoutIdentityHasAnEmptyCart() {
        assertThat(render(FragmentParams.NONE).attr("title")).isEqualTo("Cart: 0 items");
    }
}
