package coop.roseash.federation.login;

import coop.roseash.federation.oidc.Issuer;
import jakarta.enterprise.context.ApplicationScoped;
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

    private final OwnCookie cookie;

    DeviceCookie(Issuer issuer) {
        this.cookie = new OwnCookie(issuer, "federation_device", UUID_TEXT);
    }

    public Optional<String> read(HttpHeaders headers) {
        return cookie.read(headers);
    }

    public String newId() {
        return UUID.randomUUID().toString();
    }

    public NewCookie cookie(String deviceId) {
        return cookie.set(deviceId, LIFETIME);
    }
}
