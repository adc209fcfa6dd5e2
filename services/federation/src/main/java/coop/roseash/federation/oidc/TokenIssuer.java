package coop.roseash.federation.oidc;

import coop.roseash.federation.keys.KeyRing;
import coop.roseash.federation.keys.SigningKey;
import coop.roseash.federation.login.Member;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Signs ID tokens, access tokens (RFC 9068 profile) and back-channel logout tokens with the current RS256 key. */
@ApplicationScoped
public class TokenIssuer {
    static final Duration ACCESS_TOKEN_LIFETIME = Duration.ofMinutes(10);
    static final Duration ID_TOKEN_LIFETIME = Duration.ofMinutes(10);
    static final String BACKCHANNEL_LOGOUT_EVENT = "http://schemas.openid.net/event/backchannel-logout";

    private final Issuer issuer;
    private final KeyRing keys;

    TokenIssuer(Issuer issuer, KeyRing keys) {
        this.issuer = issuer;
        this.keys = keys;
    }

    /** What a grant produced; {@code family} links the access token to its refresh-token family for revocation. */
    record Grant(Member member, String clientId, Set<String> scopes, String nonce, String sessionId,
                 Instant authTime, UUID family, String deviceId) {
    }

    String idToken(Grant g) {
        JwtClaimsBuilder claims = about(g, g.clientId(), ID_TOKEN_LIFETIME)
                .claim("azp", g.clientId())
                .claim("auth_time", g.authTime().getEpochSecond());
        optional(claims, "nonce", g.nonce());
        optional(claims, "device_id", g.deviceId());
        MemberClaims.of(g.member(), g.scopes()).forEach(claims::claim);
        return sign(claims, "JWT");
    }

    String accessToken(Grant g) {
        JwtClaimsBuilder claims = about(g, issuer.id(), ACCESS_TOKEN_LIFETIME)
                .claim("client_id", g.clientId())
                .claim("scope", Scopes.format(g.scopes()))
                .claim("fam", g.family().toString())
                .claim("jti", UUID.randomUUID().toString());
        return sign(claims, "at+jwt");
    }

    private JwtClaimsBuilder about(Grant g, String audience, java.time.Duration lifetime) {
        Instant now = Instant.now();
        JwtClaimsBuilder claims = Jwt.issuer(issuer.id())
                .subject(Long.toString(g.member().id()))
                .audience(audience)
                .issuedAt(now)
                .expiresAt(now.plus(lifetime));
        optional(claims, "sid", g.sessionId());
        return claims;
    }

    private static void optional(JwtClaimsBuilder claims, String name, String value) {
        if (value != null) {
            claims.claim(name, value);
        }
    }

    /** OIDC Back-Channel Logout 1.0 §2.4: no nonce, an events claim, sub and sid. */
    String logoutToken(String clientId, String subject, String sessionId) {
        Instant now = Instant.now();
        JwtClaimsBuilder claims = Jwt.issuer(issuer.id())
                .audience(clientId)
                .issuedAt(now)
                .expiresAt(now.plus(Duration.ofMinutes(2)))
                .claim("jti", UUID.randomUUID().toString())
                .claim("events", Map.of(BACKCHANNEL_LOGOUT_EVENT, Map.of()));
        if (subject != null) {
            claims.subject(subject);
        }
        optional(claims, "sid", sessionId);
        return sign(claims, "logout+jwt");
    }

    private String sign(JwtClaimsBuilder claims, String type) {
        SigningKey key = keys.current();
        return claims.jws().keyId(key.kid()).algorithm(SignatureAlgorithm.RS256).header("typ", type).sign(key.privateKey());
    }
}
