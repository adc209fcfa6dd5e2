package coop.roseash.federation.oidc;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * One-time authorization codes, valid 60 seconds; only their hash is stored. Plain SQL because
 * redemption must lock the row and read the device column the shared entity does not map.
 */
@ApplicationScoped
class AuthorizationCodes {
    static final Duration LIFETIME = Duration.ofSeconds(60);

    private final EntityManager em;

    AuthorizationCodes(EntityManager em) {
        this.em = em;
    }

    /** What a code stands for. */
    record Code(String clientId, long userId, String redirectUri, String scope, String nonce, String codeChallenge,
                String sessionId, Instant authTime, String deviceId, Instant expiresAt, Instant usedAt, UUID family) {
    }

    /** Must run inside a transaction. */
    String issue(String clientId, long userId, String redirectUri, String scope, String nonce, String codeChallenge,
                 String sessionId, Instant authTime, String deviceId) {
        String code = OpaqueTokens.random();
        Instant now = Instant.now();
        em.createNativeQuery("""
                        INSERT INTO authorization_codes (code_hash, client_id, user_id, redirect_uri, scope, nonce,
                            code_challenge, code_challenge_method, session_id, auth_time, created_at, expires_at, device_id)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)""")
                .setParameter(1, OpaqueTokens.hash(code)).setParameter(2, clientId).setParameter(3, userId)
                .setParameter(4, redirectUri).setParameter(5, scope).setParameter(6, nonce)
                .setParameter(7, codeChallenge).setParameter(8, codeChallenge == null ? null : Pkce.S256)
                .setParameter(9, sessionId).setParameter(10, authTime).setParameter(11, now)
                .setParameter(12, now.plus(LIFETIME)).setParameter(13, deviceId)
                .executeUpdate();
        return code;
    }

    /**
     * Marks the code used and returns it as it was (check {@code usedAt}: non-null means a replay).
     * Must run inside a transaction; the row lock makes two concurrent redemptions see each other.
     */
    Optional<Code> redeem(String code) {
        String hash = OpaqueTokens.hash(code);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT client_id, user_id, redirect_uri, scope, nonce, code_challenge, session_id, auth_time,
                               device_id, expires_at, used_at
                        FROM authorization_codes WHERE code_hash = ?1 FOR UPDATE""")
                .setParameter(1, hash).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] r = rows.get(0);
        em.createNativeQuery("UPDATE authorization_codes SET used_at = now() WHERE code_hash = ?1 AND used_at IS NULL")
                .setParameter(1, hash).executeUpdate();
        return Optional.of(new Code((String) r[0], ((Number) r[1]).longValue(), (String) r[2], (String) r[3],
                (String) r[4], (String) r[5], (String) r[6], instant(r[7]), (String) r[8], instant(r[9]), instant(r[10]),
                familyOf(hash)));
    }

    /** The refresh-token family a code's tokens belong to, derived so a replayed code can find it again. */
    static UUID familyOf(String codeHash) {
        return UUID.nameUUIDFromBytes(("code:" + codeHash).getBytes(StandardCharsets.US_ASCII));
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        throw new IllegalStateException("unexpected timestamp type " + value.getClass());
    }
}
