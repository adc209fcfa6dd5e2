package coop.roseash.federation.oidc;

import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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
        return query(resumeUrl).flatMap(params -> {
            try {
                return Optional.of(new Interrupted(AuthorizationRequest.parse(params, clients), issuer));
            } catch (RuntimeException e) {
                return Optional.empty();
            }
        });
    }

    /**
     * Whether a member who signed in at {@code authTime} may go on to {@code continueUrl} without signing in again:
     * not when it is an authorization request that wants a newer sign-in ({@link FreshSignIn}) or cannot be read.
     */
    public static boolean acceptsSignIn(String continueUrl, Instant authTime) {
        if (continueUrl == null || !continueUrl.startsWith(Issuer.AUTHORIZE + "?")) {
            return true;
        }
        Optional<MultivaluedMap<String, String>> params = query(continueUrl);
        if (params.isEmpty()) {
            return false;
        }
        try {
            Map<String, String> single = FormParams.single(params.get());
            Set<String> prompt = Set.of(single.getOrDefault("prompt", "").trim().split(" +"));
            return FreshSignIn.of(prompt, single).accepts(authTime, Instant.now());
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** The parameters of a resume URL; empty when it is not one or its escapes are broken. */
    private static Optional<MultivaluedMap<String, String>> query(String resumeUrl) {
        if (resumeUrl == null || !resumeUrl.startsWith(Issuer.AUTHORIZE + "?")) {
            return Optional.empty();
        }
        MultivaluedMap<String, String> params = new MultivaluedHashMap<>();
        try {
            for (String pair : resumeUrl.substring(resumeUrl.indexOf('?') + 1).split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    params.add(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return Optional.of(params);
    }

    public RegisteredClient client() {
        return request.client();
    }

    public Set<String> scopes() {
        return request.scopes();
    }

    public String resumeUrl() {
        return request.resumeUrl();
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
