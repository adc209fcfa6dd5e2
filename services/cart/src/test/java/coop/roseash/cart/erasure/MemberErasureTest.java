package coop.roseash.cart.erasure;

import coop.roseash.cart.support.CartTestBase;
import coop.roseash.cart.support.CartTestResource;
import coop.roseash.cart.support.Catalogue;
import coop.roseash.devinfra.PlatformTestResource;
import coop.roseash.shared.contracts.Identity;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Deleting an account: the member's cart goes, their orders stay on record without anything that names them. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
@WithTestResource(CartTestResource.class)
class MemberErasureTest extends CartTestBase {

    @Inject
    MemberErasure handler;

    private long insertOrder(long member, String email) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("INSERT INTO orders"
                        + " (user_id, container_type, container_id, status, checkout_reference, amount_cents, email, paid_at)"
                        + " VALUES (?1, 'page', 1, 'paid', ?2, 1250, ?3, now()) RETURNING id")
                .setParameter(1, member).setParameter(2, "ref-" + System.nanoTime()).setParameter(3, email)
                .getSingleResult()).longValue());
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> orderRow(long id) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("SELECT user_id, device_id, email,"
                + " anonymised_at, amount_cents, status FROM orders WHERE id = ?1").setParameter(1, id).getResultList());
    }

    @Test
    void theCartGoesAndTheOrdersStayAnonymised() {
        long member = newMember();
        long other = newMember();
        long page = Catalogue.newPage();
        long tea = catalogue().product(page, "Tea", 450, null);
        carts.add(Identity.member(member), "product", tea, 2);
        carts.add(Identity.member(other), "product", tea, 1);
        long order = insertOrder(member, "gone@example.org");
        long othersOrder = insertOrder(other, "stays@example.org");

        handler.deliverNow(member);
        handler.deliverNow(member); // the bus may deliver twice

        assertThat(carts.itemCount(Identity.member(member))).isZero();
        assertThat(carts.itemCount(Identity.member(other))).isEqualTo(1);
        Object[] kept = orderRow(order).get(0);
        assertThat(kept[0]).as("member").isNull();
        assertThat(kept[1]).as("device").isNull();
        assertThat(kept[2]).as("address").isNull();
        assertThat(kept[3]).as("anonymised at").isNotNull();
        assertThat(((Number) kept[4]).intValue()).as("the sale stays on record").isEqualTo(1250);
        assertThat(kept[5]).isEqualTo("paid");
        assertThat(orderRow(othersOrder).get(0)[2]).isEqualTo("stays@example.org");
        assertThat(orders(member)).isEmpty();
    }
}
