package coop.roseash.federation.login;

import coop.roseash.federation.oidc.Issuer;
import coop.roseash.federation.oidc.OpaqueTokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.NewCookie;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The nonce that binds magic links to the browser that asked for them. Set when the sign-in form is posted and
 * kept for a link's lifetime; a link opened in a browser without it asks "Sign in as …?" before it is used, so
 * nobody can sign a victim's browser in as themselves with their own link, and mail scanners cannot use links up.
 */
@ApplicationScoped
public class LoginBrowserCookie {
    private static final Pattern NONCE = Pattern.compile("[A-Za-z0-9_-]{43}");

    private final OwnCookie cookie;

    LoginBrowserCookie(Issuer issuer) {
        this.cookie = new OwnCookie(issuer, "federation_login", NONCE);
    }

    /** This browser's nonce, if it has a well-formed one. */
    public Optional<String> read(HttpHeaders headers) {
        return cookie.read(headers);
    }

    /** The browser's nonce, or a new one: several links asked for from one browser all bind to it. */
    public String readOrCreate(HttpHeaders headers) {
        return read(headers).orElseGet(OpaqueTokens::random);
    }

    /** Whether this browser holds the nonce whose hash a link stores. */
    public boolean holds(HttpHeaders headers, String browserHash) {
        return browserHash != null && read(headers).map(nonce -> OpaqueTokens.matches(nonce, browserHash)).orElse(false);
    }

    public NewCookie cookie(String nonce) {
        return cookie.set(nonce, MagicLinks.LIFETIME);
    }
}
