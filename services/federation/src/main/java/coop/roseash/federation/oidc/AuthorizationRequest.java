package coop.roseash.federation.oidc;

import jakarta.ws.rs.core.MultivaluedMap;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A validated authorization request (RFC 6749 §4.1.1, RFC 7636, OIDC Core §3.1.2.1). Validation
 * runs in two stages: until client and redirect URI are known to be registered, an error is
 * {@link Unredirectable} and shown to the person; after that it is {@link Refused} and returned
 * to the client's redirect URI.
 */
record AuthorizationRequest(RegisteredClient client, String redirectUri, String state, Set<String> scopes,
                            String nonce, String codeChallenge, Set<String> prompt, FreshSignIn freshSignIn,
                            Map<String, String> params) {

    /** The client or redirect URI cannot be trusted: never redirect. */
    static final class Unredirectable extends RuntimeException {
        Unredirectable(String message) {
            super(message, null, false, false);
        }
    }

    /** An error to send back to the (registered) redirect URI. */
    static final class Refused extends RuntimeException {
        final String redirectUri;
        final String state;
        final String error;

        Refused(String redirectUri, String state, String error, String description) {
            super(description, null, false, false);
            this.redirectUri = redirectUri;
            this.state = state;
            this.error = error;
        }
    }

    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    static AuthorizationRequest parse(MultivaluedMap<String, String> raw, ClientRegistry clients) {
        Map<String, String> params = new TreeMap<>();
        String duplicated = null;
        for (Map.Entry<String, List<String>> e : raw.entrySet()) {
            if (e.getValue().size() > 1) {
                duplicated = e.getKey();
            }
            params.put(e.getKey(), e.getValue().get(0));
        }
        String clientId = params.get("client_id");
        if (clientId == null || clientId.isBlank()) {
            throw new Unredirectable("The request does not say which application is asking (client_id is missing).");
        }
        RegisteredClient client = clients.find(clientId)
                .orElseThrow(() -> new Unredirectable("The application asking to sign you in is not registered here."));
        String redirectUri = params.get("redirect_uri");
        if (!client.allowsRedirect(redirectUri) || "redirect_uri".equals(duplicated) || "client_id".equals(duplicated)) {
            throw new Unredirectable("The address the application wants you sent back to is not registered for it.");
        }
        String state = params.get("state");
        if (duplicated != null) {
            throw new Refused(redirectUri, state, "invalid_request", "parameter " + duplicated + " was sent more than once");
        }
        // RFC 6749 state is visible ASCII; a control character (a NUL cannot even be stored) is never meant
        for (Map.Entry<String, String> e : params.entrySet()) {
            if (CONTROL.matcher(e.getValue()).find()) {
                throw new Refused(redirectUri, state, "invalid_request", "parameter " + e.getKey() + " contains control characters");
            }
        }
        if (params.containsKey("request")) {
            throw new Refused(redirectUri, state, "request_not_supported", "request objects are not supported");
        }
        if (params.containsKey("request_uri")) {
            throw new Refused(redirectUri, state, "request_uri_not_supported", "request_uri is not supported");
        }
        if (!"code".equals(params.get("response_type"))) {
            throw new Refused(redirectUri, state, params.get("response_type") == null ? "invalid_request" : "unsupported_response_type",
                    "only response_type=code is supported");
        }
        String responseMode = params.get("response_mode");
        if (responseMode != null && !"query".equals(responseMode)) {
            throw new Refused(redirectUri, state, "invalid_request", "only response_mode=query is supported");
        }
        Set<String> scopes;
        try {
            scopes = Scopes.parse(params.get("scope"));
        } catch (OAuthError e) {
            throw new Refused(redirectUri, state, e.code(), e.getMessage());
        }
        String challenge = params.get("code_challenge");
        String method = params.get("code_challenge_method");
        if (challenge == null) {
            if (method != null || !client.confidential()) {
                throw new Refused(redirectUri, state, "invalid_request", "code_challenge is required (PKCE with S256)");
            }
        } else {
            if (!Pkce.S256.equals(method)) {
                throw new Refused(redirectUri, state, "invalid_request", "code_challenge_method must be S256");
            }
            if (!Pkce.wellFormed(challenge)) {
                throw new Refused(redirectUri, state, "invalid_request", "code_challenge is malformed");
            }
        }
        Set<String> prompt = new LinkedHashSet<>();
        String promptValue = params.getOrDefault("prompt", "").trim();
        for (String value : promptValue.isEmpty() ? new String[0] : promptValue.split(" +")) {
            if (!prompt.add(value)) {
                throw new Refused(redirectUri, state, "invalid_request", "prompt lists " + value + " twice");
            }
        }
        if (prompt.contains("none") && prompt.size() > 1) {
            throw new Refused(redirectUri, state, "invalid_request", "prompt=none cannot be combined with other values");
        }
        FreshSignIn fresh;
        try {
            fresh = FreshSignIn.of(prompt, params);
        } catch (OAuthError e) {
            throw new Refused(redirectUri, state, e.code(), e.getMessage());
        }
        return new AuthorizationRequest(client, redirectUri, state, scopes, params.get("nonce"), challenge,
                Set.copyOf(prompt), fresh, params);
    }

    boolean silent() {
        return prompt.contains("none");
    }

    /** This request again as a relative URL, to resume it after consent (without prompt: consent was just asked). */
    String resumeUrl() {
        return url(params, "prompt");
    }

    /**
     * This request again, to resume it after signing in. When it asked for a recent sign-in, prompt=login and
     * max_age become {@code auth_since=now}: met by the sign-in about to happen, so the member is not asked again.
     */
    String resumeAfterSignIn(Instant now) {
        if (!freshSignIn.asked()) {
            return resumeUrl();
        }
        Map<String, String> resumed = new TreeMap<>(params);
        resumed.keySet().removeAll(Set.of("max_age", FreshSignIn.SINCE));
        resumed.put(FreshSignIn.SINCE, Long.toString(now.toEpochMilli()));
        return url(resumed, "prompt");
    }

    private static String url(Map<String, String> params, String leftOut) {
        StringBuilder url = new StringBuilder(Issuer.AUTHORIZE).append('?');
        params.forEach((k, v) -> {
            if (!leftOut.equals(k)) {
                url.append(enc(k)).append('=').append(enc(v)).append('&');
            }
        });
        url.setLength(url.length() - 1);
        return url.toString();
    }

    static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
