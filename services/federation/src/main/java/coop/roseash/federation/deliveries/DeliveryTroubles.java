package coop.roseash.federation.deliveries;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What admins see of ActivityPub delivery trouble: per remote inbox, the deliveries given up on and those still being
 * retried with backoff, with the last error; and the admin's one action, sending what was given up on again.
 */
@ApplicationScoped
public class DeliveryTroubles {

    /** Inboxes listed at most: a page, not a dump, when a large server has been down for days. */
    static final int LIMIT = 200;

    private static final String BY_INBOX = """
            SELECT inbox_url,
                   count(*) FILTER (WHERE state = 'failed'),
                   count(*) FILTER (WHERE state = 'pending'),
                   max(attempts),
                   max(updated_at),
                   (array_agg(last_error ORDER BY updated_at DESC))[1],
                   min(next_attempt_at) FILTER (WHERE state = 'pending')
            FROM ap_deliveries
            WHERE state = 'failed' OR (state = 'pending' AND attempts > 0)
            GROUP BY inbox_url
            ORDER BY count(*) FILTER (WHERE state = 'failed') DESC, max(updated_at) DESC
            LIMIT ?1""";

    private static final String RETRY = """
            UPDATE ap_deliveries SET state = 'pending', attempts = 0, next_attempt_at = now(), last_error = NULL,
                claim_token = NULL, updated_at = now()
            WHERE inbox_url = ?1 AND state = 'failed'""";

    /** As the account's sessions list shows times; UTC, since admins compare them with servers' logs. */
    private static final java.time.format.DateTimeFormatter SHOWN = java.time.format.DateTimeFormatter
            .ofPattern("d MMM yyyy, HH:mm 'UTC'", java.util.Locale.UK).withZone(java.time.ZoneOffset.UTC);

    private final EntityManager em;

    DeliveryTroubles(EntityManager em) {
        this.em = em;
    }

    /** One row per troubled inbox, as the page shows it: the worst first. */
    @Transactional
    public List<Map<String, Object>> byInbox() {
        List<?> rows = em.createNativeQuery(BY_INBOX).setParameter(1, LIMIT).getResultList();
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object r : rows) {
            Object[] c = (Object[]) r;
            Map<String, Object> row = new LinkedHashMap<>();
            String inbox = (String) c[0];
            row.put("inbox", inbox);
            row.put("server", host(inbox));
            row.put("failed", ((Number) c[1]).longValue());
            row.put("retrying", ((Number) c[2]).longValue());
            row.put("attempts", ((Number) c[3]).longValue());
            row.put("last-attempt", instant(c[4]));
            row.put("last-error", c[5] == null ? "" : (String) c[5]);
            row.put("next-attempt", c[6] == null ? "" : instant(c[6]));
            out.add(row);
        }
        return out;
    }

    /** Queues the inbox's given-up deliveries again, with a fresh set of attempts; how many. */
    @Transactional
    public int retry(String inbox) {
        return em.createNativeQuery(RETRY).setParameter(1, inbox).executeUpdate();
    }

    private static String host(String inbox) {
        try {
            URI uri = URI.create(inbox);
            return uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
        } catch (IllegalArgumentException e) {
            return inbox;
        }
    }

    private static String instant(Object value) {
        Instant at = value instanceof Instant i ? i
                : value instanceof java.sql.Timestamp t ? t.toInstant()
                : value instanceof java.time.OffsetDateTime o ? o.toInstant() : null;
        return at == null ? String.valueOf(value) : SHOWN.format(at);
    }
}
