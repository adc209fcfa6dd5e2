package coop.roseash.shared.web.csrf;

import coop.roseash.shared.web.FormFields;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Cookie;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Signed double-submit CSRF tokens: {@code RANDOM.HMAC(RANDOM)}, kept in the {@value #COOKIE} cookie and echoed by
 * the page in {@code X-CSRF-Token} (sx.js) or the {@value #FORM_FIELD} form field (plain forms). The signature stops
 * a sibling host from planting a cookie of its own choosing.
 */
@ApplicationScoped
public class CsrfTokens {

    public static final String COOKIE = "roseash-csrf";
    public static final String FORM_FIELD = "_csrf";
    public static final String HEADER = "X-CSRF-Token";
    static final String ISSUED = CsrfTokens.class.getName() + ".issued";
    private static final Logger LOG = Logger.getLogger(CsrfTokens.class);
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final SecureRandom random = new SecureRandom();
    private final SecretKeySpec key;

    CsrfTokens(@ConfigProperty(name = "roseash.web.csrf-secret") Optional<String> secret) {
        byte[] bytes;
        if (secret.isPresent() && !secret.get().isBlank()) {
            bytes = secret.get().getBytes(StandardCharsets.UTF_8);
        } else {
            // fine for one process; replicas behind one host need the shared secret so their tokens agree
            LOG.warn("roseash.web.csrf-secret is not set: CSRF tokens are signed with a per-process key");
            bytes = new byte[32];
            random.nextBytes(bytes);
        }
        key = new SecretKeySpec(bytes, "HmacSHA256");
    }

    /** A fresh signed token. */
    public String newToken() {
        byte[] nonce = new byte[18];
        random.nextBytes(nonce);
        String body = B64.encodeToString(nonce);
        return body + "." + sign(body);
    }

    /** Whether {@code token} is one this platform signed. */
    public boolean valid(String token) {
        if (token == null) {
            return false;
        }
        int dot = token.indexOf('.');
        if (dot <= 0 || dot == token.length() - 1) {
            return false;
        }
        return constantTimeEquals(sign(token.substring(0, dot)), token.substring(dot + 1));
    }

    /** The token of this request's visitor: the one in their cookie, or a new one the response will set. */
    public String tokenFor(ContainerRequestContext request) {
        Object issued = request.getProperty(ISSUED);
        if (issued instanceof String token) {
            return token;
        }
        String existing = cookieToken(request);
        if (existing != null) {
            return existing;
        }
        String token = newToken();
        request.setProperty(ISSUED, token);
        return token;
    }

    /** Whether the request echoes its cookie's valid token in the header or the form field. */
    public boolean verified(ContainerRequestContext request) {
        String expected = cookieToken(request);
        String sent = request.getHeaderString(HEADER);
        if (sent == null) {
            sent = FormFields.first(request, FORM_FIELD);
        }
        return expected != null && constantTimeEquals(expected, sent);
    }

    /** The valid token in the request's cookie, or null. */
    String cookieToken(ContainerRequestContext request) {
        Cookie cookie = request.getCookies().get(COOKIE);
        return cookie != null && valid(cookie.getValue()) ? cookie.getValue() : null;
    }

    static boolean constantTimeEquals(String a, String b) {
        return a != null && b != null
                && MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    private String sign(String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return B64.encodeToString(mac.doFinal(body.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
