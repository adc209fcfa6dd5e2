package coop.roseash.federation.oidc;

import coop.roseash.shared.web.access.PublicRoute;
import coop.roseash.federation.keys.KeyRing;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** OpenID Connect Discovery 1.0 metadata and the JWKS (RFC 7517) the tokens verify against. */
@PublicRoute
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class DiscoveryResource {
    private final Issuer issuer;
    private final KeyRing keys;

    DiscoveryResource(Issuer issuer, KeyRing keys) {
        this.issuer = issuer;
        this.keys = keys;
    }

    @GET
    @Path(".well-known/openid-configuration")
    public Map<String, Object> configuration() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("issuer", issuer.id());
        m.put("authorization_endpoint", issuer.url(Issuer.AUTHORIZE));
        m.put("token_endpoint", issuer.url(Issuer.TOKEN));
        m.put("userinfo_endpoint", issuer.url(Issuer.USERINFO));
        m.put("jwks_uri", issuer.url(Issuer.JWKS));
        m.put("end_session_endpoint", issuer.url(Issuer.END_SESSION));
        m.put("scopes_supported", Scopes.SUPPORTED);
        m.put("response_types_supported", List.of("code"));
        m.put("response_modes_supported", List.of("query"));
        m.put("grant_types_supported", List.of("authorization_code", "refresh_token"));
        m.put("subject_types_supported", List.of("public"));
        m.put("id_token_signing_alg_values_supported", List.of("RS256"));
        m.put("userinfo_signing_alg_values_supported", List.of("none"));
        m.put("token_endpoint_auth_methods_supported", List.of("client_secret_basic", "client_secret_post", "none"));
        m.put("code_challenge_methods_supported", List.of(Pkce.S256));
        m.put("claims_supported", List.of("iss", "sub", "aud", "exp", "iat", "auth_time", "nonce", "sid",
                "email", "email_verified", "name", "preferred_username", "roseash_admin", "device_id"));
        m.put("prompt_values_supported", List.of("none", "login", "consent"));
        m.put("authorization_response_iss_parameter_supported", true);
        m.put("request_parameter_supported", false);
        m.put("request_uri_parameter_supported", false);
        m.put("claims_parameter_supported", false);
        m.put("frontchannel_logout_supported", false);
        m.put("backchannel_logout_supported", true);
        m.put("backchannel_logout_session_supported", true);
        return m;
    }

    @GET
    @Path("oauth/jwks")
    @Produces({"application/jwk-set+json", MediaType.APPLICATION_JSON})
    public Response jwks() {
        // short cache: after a rotation verifiers must see the new key within minutes
        return Response.ok(keys.jwks()).header("Cache-Control", "public, max-age=300").build();
    }
}
