package coop.roseash.cart.erasure;

import coop.roseash.shared.contracts.Identity;
import coop.roseash.shared.contracts.account.MemberDeleted;
import coop.roseash.shared.contracts.account.MemberDeletedHandler;
import coop.roseash.shared.contracts.cart.CartChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;


/**
 * cart's part of deleting an account ({@link MemberDeleted}): the member's cart lines go; their orders stay, as the
 * law requires a sale to stay on record, but anonymised: no member, no device, no address, no payment page
 * ({@code anonymised_at} says when). Amounts, lines, dates and references stay. Idempotent: a second delivery finds
 * nothing of the member's.
 */
@ApplicationScoped
public class MemberErasure extends MemberDeletedHandler {

    private final EntityManager em;
    private final Event<CartChanged> changed;

    MemberErasure(EntityManager em, Event<CartChanged> changed) {
        this.em = em;
        this.changed = changed;
    }

    @Override
    protected void erase(long member) {
        em.createNativeQuery("DELETE FROM cart_items WHERE user_id = ?1").setParameter(1, member).executeUpdate();
        em.createNativeQuery("UPDATE orders SET user_id = NULL, device_id = NULL, email = NULL, hosted_checkout_url = NULL,"
                        + " anonymised_at = now(), updated_at = now(), version = version + 1 WHERE user_id = ?1")
                .setParameter(1, member).executeUpdate();
        changed.fire(new CartChanged(Identity.member(member)));
    }
}
