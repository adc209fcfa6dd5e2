package coop.roseash.federation.login;

import coop.roseash.federation.oidc.Issuer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.NewCookie;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The anonymous visitor's one identity across all hosts: a random device id in federation's own
 * cookie, handed to the other services through the sign-in round trip (docs/spec/platform.md §4).
 */
@ApplicationScoped
public class DeviceCookie {
    private static final Pattern UUID_TEXT = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Duration LIFETIME = Duration.ofDays(365);

    private final Issuer issuer;

    DeviceCookie(Issuer issuer) {
        this.issuer = issuer;
    }

    String name() {
        return issuer.https() ? "__Host-federation_device" : "federation_device";
    }

    public Optional<String> read(HttpHeaders headers) {
        Cookie c = headers.getCookies().get(name());
        return c != null && UUID_TEXT.matcher(c.getValue()).matches() ? Optional.of(c.getValue()) : Optional.empty();
    }

    public String newId() {
        return UUID.randomUUID().toString();
    }

    public NewCookie cookie(String deviceId) {
        return new NewCookie.Builder(name()).value(deviceId).path("/").maxAge((int) LIFETIME.toSeconds())
                .httpOnly(true).secure(issuer.https()).sameSite(NewCookie.SameSite.LAX).build();
    }
}
