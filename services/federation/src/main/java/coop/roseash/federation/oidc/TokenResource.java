package coop.roseash.federation.oidc;

import coop.roseash.shared.web.access.PublicRoute;
import coop.roseash.federation.login.Member;
import coop.roseash.federation.login.Members;
import coop.roseash.federation.login.SignOnRecords;
import coop.roseash.federation.oidc.TokenIssuer.Grant;
import coop.roseash.shared.model.federation.RefreshToken;
import coop.roseash.shared.web.csrf.CsrfExempt;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The token endpoint: authorization_code (with PKCE) and refresh_token (with rotation) grants. */
@PublicRoute
@Path(Issuer.TOKEN)
@CsrfExempt
@Produces(MediaType.APPLICATION_JSON)
public class TokenResource {
    private final ClientAuthentication clientAuthentication;
    private final AuthorizationCodes codes;
    private final RefreshTokens refreshTokens;
    private final Members members;
    private final TokenIssuer issuer;
    private final SignOnRecords records;

    TokenResource(ClientAuthentication clientAuthentication, AuthorizationCodes codes, RefreshTokens refreshTokens,
                  Members members, TokenIssuer issuer, SignOnRecords records) {
        this.records = records;
        this.clientAuthentication = clientAuthentication;
        this.codes = codes;
        this.refreshTokens = refreshTokens;
        this.members = members;
        this.issuer = issuer;
    }

    /** Errors keep what was revoked on the way (a replayed code or refresh token revokes its family). */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Transactional(dontRollbackOn = OAuthError.class)
    public Response token(String body, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        Map<String, String> form = FormParams.single(FormParams.parse(body));
        RegisteredClient client = clientAuthentication.authenticate(authorization, form);
        String grantType = FormParams.required(form, "grant_type");
        return switch (grantType) {
            case "authorization_code" -> authorizationCode(client, form);
            case "refresh_token" -> refresh(client, form);
            default -> throw new OAuthError("unsupported_grant_type", "grant_type " + grantType + " is not supported");
        };
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    public Response wrongContentType() {
        throw OAuthError.invalidRequest("the body must be application/x-www-form-urlencoded");
    }

    private Response authorizationCode(RegisteredClient client, Map<String, String> form) {
        String presented = FormParams.required(form, "code");
        String redirectUri = FormParams.required(form, "redirect_uri");
        String verifier = form.get("code_verifier");
        AuthorizationCodes.Code code = codes.redeem(presented)
                .orElseThrow(() -> OAuthError.invalidGrant("authorization code is not valid"));
        if (code.usedAt() != null) {
            refreshTokens.revokeFamily(code.family());
            throw OAuthError.invalidGrant("authorization code was already used; the tokens it issued are revoked");
        }
        if (!code.clientId().equals(client.clientId())) {
            throw OAuthError.invalidGrant("authorization code was issued to another client");
        }
        if (code.expiresAt().isBefore(Instant.now())) {
            throw OAuthError.invalidGrant("authorization code has expired");
        }
        if (!code.redirectUri().equals(redirectUri)) {
            throw OAuthError.invalidGrant("redirect_uri does not match the authorization request");
        }
        if (code.codeChallenge() != null && !Pkce.verifies(verifier, code.codeChallenge())) {
            throw OAuthError.invalidGrant(verifier == null ? "code_verifier is required" : "code_verifier does not match the code_challenge");
        }
        if (code.codeChallenge() == null && verifier != null) {
            throw OAuthError.invalidGrant("no code_challenge was sent for this code");
        }
        Member member = member(code.userId());
        Grant grant = new Grant(member, client.clientId(), Set.of(code.scope().split(" ")), code.nonce(), code.sessionId(),
                code.authTime(), code.family(), code.deviceId());
        return tokens(grant, code.scope());
    }

    private Response refresh(RegisteredClient client, Map<String, String> form) {
        RefreshToken old = refreshTokens.use(FormParams.required(form, "refresh_token"), client.clientId());
        Set<String> granted = Set.of(old.scope.split(" "));
        Set<String> scopes = granted;
        if (form.containsKey("scope")) {
            scopes = Scopes.parse(form.get("scope"));
            if (!granted.containsAll(scopes)) {
                throw new OAuthError("invalid_scope", "a refresh cannot widen the scope");
            }
        }
        // the sign-in time travels with the family; rows from before it was kept fall back to their creation
        Instant authTime = old.authTime != null ? old.authTime : old.createdAt;
        Grant grant = new Grant(member(old.userId), client.clientId(), scopes, null, old.sessionId, authTime,
                old.familyId, null);
        return tokens(grant, Scopes.format(scopes));
    }

    private Member member(long id) {
        return members.find(id).orElseThrow(() -> OAuthError.invalidGrant("the member no longer exists"));
    }

    private Response tokens(Grant grant, String scope) {
        // the member's list of sessions shows which services hold this session, and when one last used it
        records.usedBy(grant.sessionId(), grant.clientId());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", issuer.accessToken(grant));
        body.put("token_type", "Bearer");
        body.put("expires_in", TokenIssuer.ACCESS_TOKEN_LIFETIME.toSeconds());
        body.put("refresh_token", refreshTokens.issue(grant.family(), grant.clientId(), grant.member().id(), scope,
                grant.sessionId(), grant.authTime()));
        body.put("id_token", issuer.idToken(grant));
        body.put("scope", scope);
        return Response.ok(body).header("Cache-Control", "no-store").header("Pragma", "no-cache").build();
    }
}
