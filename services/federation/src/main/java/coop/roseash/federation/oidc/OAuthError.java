package coop.roseash.federation.oidc;

import jakarta.ws.rs.core.Response.Status;

/**
 * An error a client caused, answered as RFC 6749 §5.2 JSON ({@code error}, {@code error_description})
 * by {@link OAuthErrorMapper}; never a redirect (the authorization endpoint handles its redirects itself).
 */
public class OAuthError extends RuntimeException {
    private final String code;
    private final Status status;
    private final String wwwAuthenticate;

    public OAuthError(String code, String description) {
        this(code, description, Status.BAD_REQUEST, null);
    }

    OAuthError(String code, String description, Status status, String wwwAuthenticate) {
        super(description, null, false, false);
        this.code = code;
        this.status = status;
        this.wwwAuthenticate = wwwAuthenticate;
    }

    public static OAuthError invalidRequest(String description) {
        return new OAuthError("invalid_request", description);
    }

    public static OAuthError invalidGrant(String description) {
        return new OAuthError("invalid_grant", description);
    }

    /** RFC 6749 §5.2: 401 with a challenge for the scheme the client tried. */
    static OAuthError invalidClient(String description, boolean triedBasic) {
        return new OAuthError("invalid_client", description, Status.UNAUTHORIZED,
                triedBasic ? "Basic realm=\"federation\"" : null);
    }

    /** RFC 6750 §3.1 for a missing, expired or revoked bearer token. */
    static OAuthError invalidToken(String description) {
        return new OAuthError("invalid_token", description, Status.UNAUTHORIZED,
                "Bearer error=\"invalid_token\", error_description=\"" + description.replace("\"", "'") + "\"");
    }

    public String code() {
        return code;
    }

    public Status status() {
        return status;
    }

    String wwwAuthenticate() {
        return wwwAuthenticate;
    }
}
