package coop.roseash.shared.auth;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;

import java.util.Map;
import java.util.UUID;

/**
 * Test-only: federation's JWKS, a token endpoint that answers any code with an ID token for member 42,
 * and logout tokens signed with its key, for a client tested on its own; plus who the client thinks is signed in.
 */
@Path("/test-federation")
public class StandInFederation {
    static final String JWKS_PATH = "/test-federation/jwks";
    static final String TOKEN_PATH = "/test-federation/token";
    static final String WHOAMI_PATH = "/test-federation/whoami";

    @Inject
    CurrentMember currentMember;
    static final String ISSUER = "http://federation.localhost:8005";
    private static final RsaJsonWebKey KEY = generate();
    private static final RsaJsonWebKey OTHER_KEY = generate();

    private static RsaJsonWebKey generate() {
        try {
            RsaJsonWebKey key = RsaJwkGenerator.generateJwk(2048);
            key.setKeyId(UUID.randomUUID().toString());
            return key;
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    @GET
    @Path("jwks")
    @Produces("application/json")
    public Map<String, Object> jwks() {
        return Map.of("keys", java.util.List.of(KEY.toParams(JsonWebKey.OutputControlLevel.PUBLIC_ONLY)));
    }

    @POST
    @Path("token")
    @Produces("application/json")
    public Map<String, Object> token() {
        JwtClaims id = new JwtClaims();
        id.setIssuer(ISSUER);
        id.setAudience("blog");
        id.setIssuedAtToNow();
        id.setExpirationTimeMinutesInTheFuture(10);
        id.setSubject("42");
        id.setClaim("sid", "sid-" + UUID.randomUUID());
        id.setClaim("name", "Ada");
        id.setClaim("email", "ada@example.org");
        return Map.of("id_token", sign(id, KEY, "JWT"), "access_token", UUID.randomUUID().toString(),
                "token_type", "Bearer", "expires_in", 600);
    }

    @GET
    @Path("whoami")
    @Produces("text/plain")
    public String whoami() {
        return currentMember.get().map(SignedInMember::name).orElse("anonymous");
    }

    /** A back-channel logout token as federation would send it; tests then spoil one part. */
    static JwtClaims logoutClaims(String sid) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(ISSUER);
        claims.setAudience("blog");
        claims.setIssuedAtToNow();
        claims.setExpirationTimeMinutesInTheFuture(2);
        claims.setGeneratedJwtId();
        claims.setSubject("42");
        claims.setClaim("sid", sid);
        claims.setClaim("events", Map.of("http://schemas.openid.net/event/backchannel-logout", Map.of()));
        return claims;
    }

    static String sign(JwtClaims claims, boolean withFederationKey) {
        return sign(claims, withFederationKey ? KEY : OTHER_KEY, "logout+jwt");
    }

    private static String sign(JwtClaims claims, RsaJsonWebKey key, String type) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key.getPrivateKey());
        jws.setKeyIdHeaderValue(key.getKeyId());
        jws.setHeader("typ", type);
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }
}
