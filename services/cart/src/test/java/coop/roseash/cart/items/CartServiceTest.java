package coop.roseash.cart.items;

import coop.roseash.cart.support.CartTestResource;

import coop.roseash.devinfra.PlatformTestResource;
import coop.roseash.shared.contracts.Identity;
import coop.roseash.shared.model.cart.CartItem;
import coop.roseash.shared.model.cart.ItemType;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The mini cart's count: units across every page's cart of one identity. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
@WithTestResource(CartTestResource.class)
class CartServiceTest {

    @Inject
    CartService carts;

    @BeforeEach
    void fill() {
        QuarkusTransaction.requiringNew().run(() -> {
            CartItem.deleteAll();
            line(7L, null, 1, 11, 2);
            line(7L, null, 2, 12, 3);   // another page's cart of the same member
            line(8L, null, 1, 11, 5);   // another member
            line(null, "device-a", 1, 11, 4);
            line(7L, "device-a", 1, 12, 1); // adopted by member 7 at login: no longer the device's
        });
    }

    @Test
    void countsAMembersUnitsAcrossPages() {
        assertThat(carts.itemCount(Identity.member(7))).isEqualTo(6);
        assertThat(carts.itemCount(Identity.member(8))).isEqualTo(5);
        assertThat(carts.itemCount(Identity.member(9))).isZero();
    }

    @Test
    void countsOnlyTheLinesADeviceStillOwns() {
        assertThat(carts.itemCount(Identity.device("device-a"))).isEqualTo(4);
        assertThat(carts.itemCount(Identity.device("device-b"))).isZero();
    }

    @Test
    void anUnknownVisitorHasAnEmptyCart() {
        assertThat(carts.itemCount(Identity.NONE)).isZero();
        assertThat(carts.itemCount(null)).isZero();
        assertThatThrownBy(() -> Identity.device(" ")).isInstanceOf(IllegalArgumentException.class);
    }

    private static void line(Long userId, String deviceId, long page, long product, int quantity) {
        CartItem item = new CartItem();
        item.userId = userId;
        item.deviceId = deviceId;
        item.containerType = "page";
        item.containerId = page;
        item.itemType = ItemType.PRODUCT;
        item.itemId = product;
        item.quantity = quantity;
        item.persist();
    }
}
