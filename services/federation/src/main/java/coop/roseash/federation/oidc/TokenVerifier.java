package coop.roseash.federation.oidc;

import coop.roseash.federation.keys.KeyRing;
import coop.roseash.federation.keys.SigningKey;
import jakarta.enterprise.context.ApplicationScoped;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Verifies tokens this server signed (access tokens at userinfo, ID token hints at end-session). */
@ApplicationScoped
class TokenVerifier {
    private final Issuer issuer;
    private final KeyRing keys;

    TokenVerifier(Issuer issuer, KeyRing keys) {
        this.issuer = issuer;
        this.keys = keys;
    }

    /** A valid, unexpired access token (typ at+jwt) or empty. */
    Optional<JwtClaims> accessToken(String token) {
        return verify(token, "at+jwt", Duration.ofSeconds(30));
    }

    /** An ID token we issued; an expired one is still a good hint of who is signing out (OIDC RP-Initiated Logout §2). */
    Optional<JwtClaims> idTokenHint(String token) {
        return verify(token, "JWT", Duration.ofDays(30));
    }

    private Optional<JwtClaims> verify(String token, String type, Duration skew) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        List<JsonWebKey> jwks = keys.published().stream().map(TokenVerifier::jwk).toList();
        try {
            var context = new JwtConsumerBuilder()
                    .setRequireExpirationTime()
                    .setRequireSubject()
                    .setAllowedClockSkewInSeconds((int) skew.toSeconds())
                    .setExpectedIssuer(issuer.id())
                    .setSkipDefaultAudienceValidation()
                    .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, "RS256")
                    .setVerificationKeyResolver(new JwksVerificationKeyResolver(jwks))
                    .build()
                    .process(token);
            String typ = context.getJoseObjects().get(0).getHeader("typ");
            return type.equals(typ) ? Optional.of(context.getJwtClaims()) : Optional.empty();
        } catch (InvalidJwtException e) {
            return Optional.empty();
        }
    }

    private static JsonWebKey jwk(SigningKey key) {
        RsaJsonWebKey jwk = new RsaJsonWebKey(key.publicKey());
        jwk.setKeyId(key.kid());
        return jwk;
    }
}
