package coop.roseash.events.erasure;

import coop.roseash.devinfra.PlatformTestResource;
import coop.roseash.events.support.Fixtures;
import coop.roseash.shared.model.events.EntryState;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** Deleting an account: the bookings-feed secret goes; tickets and bookings stay, pointing to nobody. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class MemberErasureTest {

    @Inject
    MemberErasure handler;
    @Inject
    EntityManager em;

    private void sql(String sql, Object... params) {
        QuarkusTransaction.requiringNew().run(() -> {
            var q = em.createNativeQuery(sql);
            for (int i = 0; i < params.length; i++) {
                q.setParameter(i + 1, params[i]);
            }
            q.executeUpdate();
        });
    }

    @Test
    void ticketsAndBookingsStayWithoutTheMemberAndTheFeedSecretGoes() {
        long member = ThreadLocalRandom.current().nextLong(1_000_000, 900_000_000);
        long other = member + 1;
        long entry = Fixtures.entry(Fixtures.calendar("Europe/London"), "Concert", 5, EntryState.CONFIRMED, true);
        long type = Fixtures.ticketType(entry, "Standard " + member, null);
        sql("INSERT INTO tickets (ticket_type_id, code, state, user_id, order_id) VALUES (?1, ?2, 'issued', ?3, 77)",
                type, "code-" + member, member);
        sql("INSERT INTO tickets (ticket_type_id, code, state, user_id) VALUES (?1, ?2, 'issued', ?3)",
                type, "code-" + other, other);
        sql("UPDATE calendar_entries SET user_id = ?1 WHERE id = ?2", member, entry);
        sql("INSERT INTO booking_feed_tokens (user_id, token) VALUES (?1, ?2)", member, "feed-" + member);

        handler.deliverNow(member);
        handler.deliverNow(member); // the bus may deliver twice

        assertThat(Fixtures.count("SELECT count(*) FROM booking_feed_tokens WHERE user_id = ?1", member)).isZero();
        assertThat(Fixtures.count("SELECT count(*) FROM tickets WHERE user_id = ?1", member)).isZero();
        assertThat(Fixtures.count("SELECT count(*) FROM tickets WHERE code = ?1 AND user_id IS NULL AND device_id IS NULL"
                + " AND anonymised_at IS NOT NULL AND state = 'issued' AND order_id = 77", "code-" + member))
                .as("the ticket stays on record, issued, for nobody").isEqualTo(1);
        assertThat(Fixtures.count("SELECT count(*) FROM calendar_entries WHERE id = ?1 AND user_id IS NULL", entry)).isEqualTo(1);
        assertThat(Fixtures.count("SELECT count(*) FROM tickets WHERE user_id = ?1", other)).as("another member's").isEqualTo(1);
    }
}
