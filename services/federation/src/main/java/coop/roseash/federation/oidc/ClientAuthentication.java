package coop.roseash.federation.oidc;

import jakarta.enterprise.context.ApplicationScoped;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * Who is calling the token endpoint (RFC 6749 §2.3): {@code client_secret_basic},
 * {@code client_secret_post}, or a public client naming itself with {@code client_id} alone.
 */
@ApplicationScoped
class ClientAuthentication {
    private final ClientRegistry clients;

    ClientAuthentication(ClientRegistry clients) {
        this.clients = clients;
    }

    RegisteredClient authenticate(String authorization, Map<String, String> form) {
        boolean basic = authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6);
        String id;
        String secret;
        if (basic) {
            if (form.containsKey("client_secret")) {
                throw OAuthError.invalidRequest("use one client authentication method, not two");
            }
            String[] pair = decodeBasic(authorization.substring(6).trim());
            id = pair[0];
            secret = pair[1];
            if (form.containsKey("client_id") && !form.get("client_id").equals(id)) {
                throw OAuthError.invalidRequest("client_id does not match the authenticated client");
            }
        } else {
            id = form.get("client_id");
            secret = form.get("client_secret");
            if (id == null || id.isBlank()) {
                throw OAuthError.invalidClient("client authentication is required", false);
            }
        }
        RegisteredClient client = clients.find(id)
                .orElseThrow(() -> OAuthError.invalidClient("unknown client or wrong secret", basic));
        if (client.confidential()) {
            if (!OpaqueTokens.matches(secret, client.secretHash())) {
                throw OAuthError.invalidClient("unknown client or wrong secret", basic);
            }
        } else if (secret != null) {
            throw OAuthError.invalidClient("this client is public and has no secret", basic);
        }
        return client;
    }

    /** RFC 6749 §2.3.1: id and secret are form-urlencoded before being joined with a colon. */
    private static String[] decodeBasic(String encoded) {
        try {
            String decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                throw OAuthError.invalidClient("malformed Basic credentials", true);
            }
            return new String[]{URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
                    URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8)};
        } catch (IllegalArgumentException e) {
            throw OAuthError.invalidClient("malformed Basic credentials", true);
        }
    }
}
