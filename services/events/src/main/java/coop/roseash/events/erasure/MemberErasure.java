package coop.roseash.events.erasure;

import coop.roseash.shared.contracts.account.MemberDeleted;
import coop.roseash.shared.contracts.account.MemberDeletedHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;


/**
 * events' part of deleting an account ({@link MemberDeleted}): the secret of the member's bookings feed goes; their
 * tickets and bookings stay on the calendars (seats taken, sales on record, check-ins counted) but point to nobody
 * (no member, no device; a ticket says when it was anonymised). Idempotent: a second delivery finds nothing of theirs.
 */
@ApplicationScoped
public class MemberErasure extends MemberDeletedHandler {

    private final EntityManager em;

    MemberErasure(EntityManager em) {
        this.em = em;
    }

    @Override
    protected void erase(long member) {
        em.createNativeQuery("DELETE FROM booking_feed_tokens WHERE user_id = ?1").setParameter(1, member).executeUpdate();
        em.createNativeQuery("UPDATE tickets SET user_id = NULL, device_id = NULL, anonymised_at = now(), updated_at = now()"
                + " WHERE user_id = ?1").setParameter(1, member).executeUpdate();
        em.createNativeQuery("UPDATE calendar_entries SET user_id = NULL, device_id = NULL, updated_at = now(),"
                + " version = version + 1 WHERE user_id = ?1").setParameter(1, member).executeUpdate();
    }
}
