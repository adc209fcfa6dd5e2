package coop.roseash.blog.ghost;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * A Ghost Admin API key ({@code id:secret}, the secret in hex, as Ghost shows it under Integrations). Every
 * request carries {@code Authorization: Ghost <token>}: a fresh HS256 JWT with {@code kid} = id,
 * {@code aud} = {@code /admin/} and a five-minute lifetime (Ghost refuses longer ones), signed with the
 * hex-decoded secret.
 */
final class AdminApiKey implements GhostAccess {

    static final Duration TOKEN_LIFETIME = Duration.ofMinutes(5);
    static final String AUDIENCE = "/admin/";
    private static final Pattern FORMAT = Pattern.compile("^([0-9A-Za-z]{1,64}):((?:[0-9A-Fa-f]{2}){32,64})$");

    private final String id;
    private final SecretKey secret;
    private final Clock clock;

    private AdminApiKey(String id, byte[] secret, Clock clock) {
        this.id = id;
        this.secret = new SecretKeySpec(secret, "HmacSHA256");
        this.clock = clock;
    }

    /** Reads {@code id:secret}; a malformed key is refused with a message that does not repeat it. */
    static AdminApiKey parse(String key) {
        return parse(key, Clock.systemUTC());
    }

    static AdminApiKey parse(String key, Clock clock) {
        var m = FORMAT.matcher(key.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("roseash.blog.ghost.admin-key is not a Ghost Admin API key: expected id:secret "
                    + "with a hexadecimal secret of 64 characters, as Ghost shows it under Settings, Integrations.");
        }
        return new AdminApiKey(m.group(1), HexFormat.of().parseHex(m.group(2).toLowerCase()), clock);
    }

    String id() {
        return id;
    }

    /** A token issued at {@code issuedAt}, valid for {@link #TOKEN_LIFETIME}. */
    String token(Instant issuedAt) {
        return Jwt.audience(AUDIENCE).issuedAt(issuedAt).expiresAt(issuedAt.plus(TOKEN_LIFETIME))
                .jws().keyId(id).algorithm(SignatureAlgorithm.HS256).header("typ", "JWT").sign(secret);
    }

    @Override
    public String name() {
        return "Admin API";
    }

    @Override
    public String description() {
        return "drafts and author emails included";
    }

    @Override
    public String configKey() {
        return "roseash.blog.ghost.admin-key";
    }

    @Override
    public String apiPath() {
        return "/ghost/api/admin/";
    }

    @Override
    public String authorsResource() {
        return "users";
    }

    @Override
    public String query() {
        return "";
    }

    @Override
    public void authorize(HttpRequest.Builder request) {
        // a fresh token per request: a long import outlives any single five-minute token
        request.header("Authorization", "Ghost " + token(clock.instant()));
    }

    @Override
    public String toString() {
        return "AdminApiKey[" + id + "]";
    }
}
