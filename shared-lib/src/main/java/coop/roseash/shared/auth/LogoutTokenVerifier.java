package coop.roseash.shared.auth;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.HttpsJwks;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.HttpsJwksVerificationKeyResolver;

import java.util.Map;

/**
 * Checks a logout token as OIDC Back-Channel Logout 1.0 §2.6 asks: RS256 signature by a key in
 * federation's JWKS (fetched from the internal URL, re-fetched for an unknown key id), our issuer,
 * our client id as audience, recent iat, the back-channel event, a sub or sid, and no nonce.
 */
@ApplicationScoped
public class LogoutTokenVerifier {
    static final String EVENT = "http://schemas.openid.net/event/backchannel-logout";

    /** A logout token that must not be acted on. */
    public static final class Rejected extends Exception {
        Rejected(String message) {
            super(message);
        }
    }

    private final JwtConsumer consumer;

    LogoutTokenVerifier(@ConfigProperty(name = "quarkus.oidc.jwks-path") String jwksUrl,
                        @ConfigProperty(name = "quarkus.oidc.token.issuer") String issuer,
                        @ConfigProperty(name = "quarkus.oidc.client-id", defaultValue = "") String clientId) {
        HttpsJwks jwks = new HttpsJwks(jwksUrl);
        this.consumer = new JwtConsumerBuilder()
                .setRequireIssuedAt()
                .setIssuedAtRestrictions(120, 300)
                .setAllowedClockSkewInSeconds(30)
                .setRequireJwtId()
                .setExpectedIssuer(issuer)
                .setExpectedAudience(clientId)
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, "RS256")
                .setVerificationKeyResolver(new HttpsJwksVerificationKeyResolver(jwks))
                .build();
    }

    public JwtClaims verify(String token) throws Rejected {
        if (token == null || token.isBlank()) {
            throw new Rejected("logout_token is required");
        }
        JwtClaims claims;
        try {
            claims = consumer.processToClaims(token);
        } catch (InvalidJwtException e) {
            throw new Rejected("logout token is not valid: " + e.getMessage());
        }
        try {
            if (!(claims.getClaimValue("events") instanceof Map<?, ?> events) || !events.containsKey(EVENT)) {
                throw new Rejected("logout token lacks the back-channel logout event");
            }
            if (claims.hasClaim("nonce")) {
                throw new Rejected("logout token must not carry a nonce");
            }
            if (claims.getSubject() == null && claims.getClaimValue("sid") == null) {
                throw new Rejected("logout token names neither sub nor sid");
            }
        } catch (MalformedClaimException e) {
            throw new Rejected("logout token is malformed");
        }
        return claims;
    }
}
