package coop.roseash.account.export;

import coop.roseash.shared.contracts.cart.MemberOrders;
import coop.roseash.shared.contracts.events.MemberBookings;
import coop.roseash.shared.contracts.federation.MemberRef;
import coop.roseash.shared.contracts.federation.Members;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the platform stores about one member, gathered for their download: federation's member record (through
 * {@link Members}), account's own rows, their orders (cart's {@link MemberOrders}), tickets and bookings (events'
 * {@link MemberBookings}). What is left out, and why, is named in {@code notIncluded}, so the file says plainly what
 * it lacks.
 */
@ApplicationScoped
public class MemberExport {

    public record Export(Instant exportedAt, MemberRef member, List<SubscriptionRow> newsletterSubscriptions,
                         List<DeliveryRow> newsletterEmailsSent, List<EmailChangeRow> emailChanges,
                         List<MemberOrders.OrderRecord> orders, List<MemberBookings.TicketRecord> tickets,
                         List<MemberBookings.BookingRecord> bookings, List<String> notIncluded) {
    }

    public record SubscriptionRow(String newsletter, String email, String status, Instant subscribedAt,
                                  Instant unsubscribedAt) {
    }

    public record DeliveryRow(String newsletter, String subject, String email, String state, Instant sentAt) {
    }

    public record EmailChangeRow(String oldEmail, String newEmail, Instant requestedAt, Instant confirmedAt) {
    }

    static final List<String> NOT_INCLUDED = List.of(
            "posts and pages you wrote (blog): published content stays public",
            "sign-in sessions and tokens (federation): held only while they are valid; listed on your dashboard",
            "product likes (market): no export contract yet");

    private final EntityManager em;
    private final Members members;
    private final MemberOrders orders;
    private final MemberBookings bookings;

    MemberExport(EntityManager em, Members members, MemberOrders orders, MemberBookings bookings) {
        this.em = em;
        this.members = members;
        this.orders = orders;
        this.bookings = bookings;
    }

    /** Everything account can gather about member {@code userId}, or empty when there is no such member. */
    @Transactional
    public Optional<Export> of(long userId) {
        return members.byId(userId).map(m -> new Export(Instant.now(), m, subscriptions(m), deliveries(m),
                emailChanges(userId), orders.ofMember(userId), bookings.tickets(userId), bookings.bookings(userId),
                NOT_INCLUDED));
    }

    private List<SubscriptionRow> subscriptions(MemberRef m) {
        List<SubscriptionRow> rows = new ArrayList<>();
        for (Object[] r : rows("SELECT n.name, s.email, s.status, s.subscribed_at, s.unsubscribed_at FROM subscriptions s"
                + " JOIN newsletters n ON n.id = s.newsletter_id WHERE s.user_id = ?1 OR s.email = ?2 ORDER BY s.subscribed_at", m)) {
            rows.add(new SubscriptionRow((String) r[0], (String) r[1], (String) r[2], instant(r[3]), instant(r[4])));
        }
        return rows;
    }

    private List<DeliveryRow> deliveries(MemberRef m) {
        List<DeliveryRow> rows = new ArrayList<>();
        for (Object[] r : rows("SELECT n.name, i.subject, d.email, d.state, d.sent_at FROM newsletter_deliveries d"
                + " JOIN subscriptions s ON s.id = d.subscription_id JOIN newsletter_issues i ON i.id = d.issue_id"
                + " JOIN newsletters n ON n.id = i.newsletter_id WHERE s.user_id = ?1 OR s.email = ?2 ORDER BY d.sent_at", m)) {
            rows.add(new DeliveryRow((String) r[0], (String) r[1], (String) r[2], (String) r[3], instant(r[4])));
        }
        return rows;
    }

    private List<EmailChangeRow> emailChanges(long userId) {
        List<EmailChangeRow> rows = new ArrayList<>();
        @SuppressWarnings("unchecked")
        List<Object[]> result = em.createNativeQuery("SELECT old_email, new_email, created_at, confirmed_at FROM email_changes"
                + " WHERE user_id = ?1 ORDER BY created_at").setParameter(1, userId).getResultList();
        for (Object[] r : result) {
            rows.add(new EmailChangeRow((String) r[0], (String) r[1], instant(r[2]), instant(r[3])));
        }
        return rows;
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, MemberRef m) {
        return em.createNativeQuery(sql).setParameter(1, m.id()).setParameter(2, m.email()).getResultList();
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        throw new IllegalStateException("unexpected time " + value.getClass());
    }
}
