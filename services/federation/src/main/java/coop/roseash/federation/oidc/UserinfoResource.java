package coop.roseash.federation.oidc;

import coop.roseash.shared.web.access.PublicRoute;
import coop.roseash.federation.login.Member;
import coop.roseash.federation.login.Members;
import coop.roseash.shared.web.csrf.CsrfExempt;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** OIDC Core §5.3 userinfo: the member's claims for a valid, unrevoked access token. */
@PublicRoute
@Path(Issuer.USERINFO)
@CsrfExempt
@Produces(MediaType.APPLICATION_JSON)
public class UserinfoResource {
    private final TokenVerifier verifier;
    private final RefreshTokens refreshTokens;
    private final Members members;

    UserinfoResource(TokenVerifier verifier, RefreshTokens refreshTokens, Members members) {
        this.verifier = verifier;
        this.refreshTokens = refreshTokens;
        this.members = members;
    }

    @GET
    @Transactional
    public Map<String, Object> get(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return userinfo(authorization);
    }

    @POST
    @Transactional
    public Map<String, Object> post(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return userinfo(authorization);
    }

    private Map<String, Object> userinfo(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new OAuthError("invalid_request", "a Bearer access token is required", Response.Status.UNAUTHORIZED, "Bearer");
        }
        JwtClaims claims = verifier.accessToken(authorization.substring(7).trim())
                .orElseThrow(() -> OAuthError.invalidToken("the access token is invalid or expired"));
        try {
            UUID family = UUID.fromString(claims.getStringClaimValue("fam"));
            if (refreshTokens.familyRevoked(family)) {
                throw OAuthError.invalidToken("the access token has been revoked");
            }
            Member member = members.find(Long.parseLong(claims.getSubject()))
                    .orElseThrow(() -> OAuthError.invalidToken("the member no longer exists"));
            Set<String> scopes = Set.of(claims.getStringClaimValue("scope").split(" "));
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("sub", claims.getSubject());
            body.putAll(MemberClaims.of(member, scopes));
            return body;
        } catch (MalformedClaimException | RuntimeException e) {
            if (e instanceof OAuthError o) {
                throw o;
            }
            throw OAuthError.invalidToken("the access token is malformed");
        }
    }
}
