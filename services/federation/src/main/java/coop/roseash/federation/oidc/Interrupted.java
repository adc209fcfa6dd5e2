package coop.roseash.federation.oidc;

import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * An authorization request interrupted for login or consent, carried as its resume URL
 * ({@code /oauth/authorize?...}); read back here with the same validation as the first time.
 */
public final class Interrupted {
    private final AuthorizationRequest request;
    private final Issuer issuer;

    private Interrupted(AuthorizationRequest request, Issuer issuer) {
        this.request = request;
        this.issuer = issuer;
    }

    /** Empty unless {@code resumeUrl} is a valid authorization request of a registered client. */
    public static Optional<Interrupted> of(String resumeUrl, ClientRegistry clients, Issuer issuer) {
        if (resumeUrl == null || !resumeUrl.startsWith(Issuer.AUTHORIZE + "?")) {
            return Optional.empty();
        }
        MultivaluedMap<String, String> params = new MultivaluedHashMap<>();
        for (String pair : resumeUrl.substring(resumeUrl.indexOf('?') + 1).split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                params.add(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        try {
            return Optional.of(new Interrupted(AuthorizationRequest.parse(params, clients), issuer));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    public RegisteredClient client() {
        return request.client();
    }

    public java.util.Set<String> scopes() {
        return request.scopes();
    }

    public String resumeUrl() {
        return request.resumeUrl(false);
    }

    /** The member said no: RFC 6749 §4.1.2.1 access_denied, to the registered redirect URI. */
    public Response denied() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("error", "access_denied");
        p.put("error_description", "the member did not allow this application");
        if (request.state() != null) {
            p.put("state", request.state());
        }
        p.put("iss", issuer.id());
        return AuthorizeResource.redirect(request.redirectUri(), p);
    }
}
