package coop.roseash.cart.adoption;

import coop.roseash.cart.support.CartTestBase;
import coop.roseash.cart.support.Catalogue;
import coop.roseash.cart.support.CartTestResource;

import coop.roseash.devinfra.PlatformTestResource;
import coop.roseash.shared.auth.LoginActivity;
import coop.roseash.shared.bus.ReceivedActivity;
import coop.roseash.shared.bus.Visibility;
import coop.roseash.shared.contracts.Identity;
import coop.roseash.shared.model.cart.CartItem;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Signing in adopts the device's cart: lines merged into the member's, once, quantities capped. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
@WithTestResource(CartTestResource.class)
class DeviceCartAdoptionTest extends CartTestBase {

    @Inject
    LoginAdoption handler;

    private void signIn(long member, String device) {
        QuarkusTransaction.requiringNew().run(() -> {
            try {
                handler.handle(new ReceivedActivity(1, LoginActivity.TYPE, "users/" + member,
                        "{\"type\":\"Login\",\"user_id\":" + member + ",\"device_id\":\"" + device + "\"}", "federation",
                        Visibility.INTERNAL, Instant.now(), 1));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    void theDevicesLinesBecomeTheMembersMergedOnceAndCapped() {
        long page = Catalogue.newPage();
        long member = newMember();
        String device = "device-" + UUID.randomUUID();
        long tea = catalogue().product(page, "Tea", 450, null);
        long honey = catalogue().product(page, "Honey", 700, null);
        long jam = catalogue().product(page, "Jam", 300, null);
        carts.add(Identity.member(member), "product", tea, 2);
        carts.add(Identity.member(member), "product", jam, 90);
        carts.add(Identity.device(device), "product", tea, 3);
        carts.add(Identity.device(device), "product", honey, 1);
        carts.add(Identity.device(device), "product", jam, 20);

        signIn(member, device);
        signIn(member, device); // the bus may deliver twice: nothing left to adopt the second time

        Map<Long, Integer> byItem = lines(Identity.member(member)).stream()
                .collect(Collectors.toMap(l -> l.itemId, l -> l.quantity));
        assertThat(byItem).containsExactlyInAnyOrderEntriesOf(Map.of(tea, 5, honey, 1, jam, 99));
        assertThat(units(Identity.device(device))).isZero();
        assertThat(carts.itemCount(Identity.member(member))).isEqualTo(105);
    }

    @Test
    void aSignInWithoutADeviceCartChangesNothing() {
        long member = newMember();
        long page = Catalogue.newPage();
        carts.add(Identity.member(member), "product", catalogue().product(page, "Tea", 450, null), 2);
        QuarkusTransaction.requiringNew().run(() -> {
            try {
                handler.handle(new ReceivedActivity(2, LoginActivity.TYPE, "users/" + member,
                        "{\"type\":\"Login\",\"user_id\":" + member + "}", "federation", Visibility.INTERNAL,
                        Instant.now(), 1));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        signIn(member, "device-" + UUID.randomUUID());
        assertThat(units(Identity.member(member))).isEqualTo(2);
        assertThat(QuarkusTransaction.requiringNew().call(() -> CartItem.count("userId", member))).isEqualTo(1);
    }
}
