package coop.roseash.federation.login;

import coop.roseash.federation.oidc.Issuer;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.NewCookie;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One of federation's own cookies: {@code __Host-}-prefixed over HTTPS (so no sibling subdomain can plant or
 * overwrite it), HttpOnly, SameSite=Lax, {@code Path=/}; read only when its value has the expected form.
 */
final class OwnCookie {
    private final Issuer issuer;
    private final String baseName;
    private final Pattern valid;

    OwnCookie(Issuer issuer, String baseName, Pattern valid) {
        this.issuer = issuer;
        this.baseName = baseName;
        this.valid = valid;
    }

    String name() {
        return issuer.https() ? "__Host-" + baseName : baseName;
    }

    /** The cookie's value when the request carries a well-formed one. */
    Optional<String> read(HttpHeaders headers) {
        Cookie c = headers.getCookies().get(name());
        return c != null && valid.matcher(c.getValue()).matches() ? Optional.of(c.getValue()) : Optional.empty();
    }

    /** Sets the cookie for {@code maxAge}; zero clears it. */
    NewCookie set(String value, Duration maxAge) {
        return new NewCookie.Builder(name()).value(value).path("/").maxAge((int) maxAge.toSeconds())
                .httpOnly(true).secure(issuer.https()).sameSite(NewCookie.SameSite.LAX).build();
    }
}
