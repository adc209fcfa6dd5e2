package coop.roseash.federation.login;

import coop.roseash.federation.oidc.OpaqueTokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What the member's list of sessions shows about each federation session (table {@code sign_on_sessions}, V62): the
 * device it started on, when, when a service last used it and which services did. The session itself lives in
 * Redis ({@link FederationSessions}); a row whose session is gone from there (expired, signed out) is not listed.
 */
@ApplicationScoped
public class SignOnRecords {

    /** One live session as the member's list shows it; {@code sessionHash} never leaves federation. */
    public record Record(long id, String sessionHash, String device, List<String> clientIds, Instant startedAt,
                         Instant lastSeenAt) {
    }

    private final EntityManager em;
    private final FederationSessions sessions;
    private final DeviceLabels devices;

    SignOnRecords(EntityManager em, FederationSessions sessions, DeviceLabels devices) {
        this.em = em;
        this.sessions = sessions;
        this.devices = devices;
    }

    /** A sign-in started (or, for the member's own session signing in again, renewed) this session. */
    @Transactional
    public void signedIn(FederationSessions.Session session, String userAgent) {
        em.createNativeQuery("INSERT INTO sign_on_sessions (session_hash, user_id, device, started_at, last_seen_at)"
                        + " VALUES (?1, ?2, ?3, now(), now()) ON CONFLICT (session_hash)"
                        + " DO UPDATE SET last_seen_at = now(), device = excluded.device")
                .setParameter(1, OpaqueTokens.hash(session.id())).setParameter(2, session.memberId())
                .setParameter(3, devices.of(userAgent)).executeUpdate();
    }

    /** A service was handed tokens of this session (a code redeemed, a refresh): seen now, by that service. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void usedBy(String sessionId, String clientId) {
        if (sessionId == null) {
            return;
        }
        em.createNativeQuery("UPDATE sign_on_sessions SET last_seen_at = now(), client_ids = CASE"
                        + " WHEN ?2 = ANY (client_ids) THEN client_ids ELSE array_append(client_ids, ?2) END"
                        + " WHERE session_hash = ?1 AND ended_at IS NULL")
                .setParameter(1, OpaqueTokens.hash(sessionId)).setParameter(2, clientId).executeUpdate();
    }

    @Transactional
    public void ended(String sessionHash) {
        em.createNativeQuery("UPDATE sign_on_sessions SET ended_at = now() WHERE session_hash = ?1 AND ended_at IS NULL")
                .setParameter(1, sessionHash).executeUpdate();
    }

    /** The member's sessions still live in Redis, the most recently used first. */
    @Transactional
    public List<Record> live(long memberId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT id, session_hash, device, client_ids, started_at, last_seen_at"
                        + " FROM sign_on_sessions WHERE user_id = ?1 AND ended_at IS NULL ORDER BY last_seen_at DESC, id DESC")
                .setParameter(1, memberId).getResultList();
        List<Record> live = new ArrayList<>();
        for (Object[] r : rows) {
            String hash = (String) r[1];
            if (sessions.liveHashed(hash, memberId)) {
                live.add(new Record(((Number) r[0]).longValue(), hash, (String) r[2], clientIds(r[3]), instant(r[4]),
                        instant(r[5])));
            }
        }
        return live;
    }

    /** The member's live session with this id, if it is theirs. */
    public Optional<Record> liveOne(long memberId, long id) {
        return live(memberId).stream().filter(r -> r.id() == id).findFirst();
    }

    private static List<String> clientIds(Object value) {
        if (value instanceof String[] ids) {
            return Arrays.asList(ids);
        }
        if (value instanceof Object[] ids) {
            return Arrays.stream(ids).map(String::valueOf).toList();
        }
        return List.of();
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        return ((java.sql.Timestamp) value).toInstant();
    }
}
