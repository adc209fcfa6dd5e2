package coop.roseash.federation.oidc;

import coop.roseash.shared.model.federation.RefreshToken;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Refresh tokens with rotation: each use issues a successor in the same family; presenting a used
 * token again means it was stolen (or the client is broken), so the whole family is revoked
 * (OAuth 2.0 Security BCP §4.14). Callers run inside a transaction that does not roll back on
 * {@link OAuthError}, so the revocation sticks while the client gets invalid_grant.
 */
@ApplicationScoped
class RefreshTokens {
    static final Duration LIFETIME = Duration.ofDays(30);

    String issue(UUID family, String clientId, long userId, String scope, String sessionId, Instant authTime) {
        String token = OpaqueTokens.random();
        RefreshToken row = new RefreshToken();
        row.tokenHash = OpaqueTokens.hash(token);
        row.familyId = family;
        row.clientId = clientId;
        row.userId = userId;
        row.scope = scope;
        row.sessionId = sessionId;
        row.authTime = authTime;
        row.expiresAt = Instant.now().plus(LIFETIME);
        row.persist();
        return token;
    }

    /** Consumes a presented token; the caller issues the successor in {@code family}. */
    RefreshToken use(String token, String clientId) {
        RefreshToken row = RefreshToken.<RefreshToken>find("tokenHash", OpaqueTokens.hash(token))
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
        if (row == null || !row.clientId.equals(clientId)) {
            throw OAuthError.invalidGrant("refresh token is not valid for this client");
        }
        if (row.revokedAt != null) {
            throw OAuthError.invalidGrant("refresh token has been revoked");
        }
        if (row.usedAt != null) {
            revokeFamily(row.familyId);
            throw OAuthError.invalidGrant("refresh token was already used; its family has been revoked");
        }
        if (row.expiresAt.isBefore(Instant.now())) {
            throw OAuthError.invalidGrant("refresh token has expired");
        }
        row.usedAt = Instant.now();
        return row;
    }

    void revokeFamily(UUID family) {
        RefreshToken.update("revokedAt = ?1 where familyId = ?2 and revokedAt is null", Instant.now(), family);
    }

    void revokeSession(String sessionId) {
        RefreshToken.update("revokedAt = ?1 where sessionId = ?2 and revokedAt is null", Instant.now(), sessionId);
    }

    /** Access tokens carry their family; a revoked family's access tokens stop working at userinfo. */
    boolean familyRevoked(UUID family) {
        return RefreshToken.count("familyId = ?1 and revokedAt is not null", family) > 0;
    }
}
