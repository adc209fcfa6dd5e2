package coop.roseash.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The platform's shared secrets for a local run, generated once into {@code .data/secrets/} (mode 600) before any
 * service starts and handed to every service as environment variables. A secret already on disk is kept, so
 * sessions and signatures survive restarts. Add a secret by adding a line to {@link #catalogue}. (federation keeps
 * its token signing keys itself, under .data/keys/federation, since it rotates them.)
 */
public final class SharedSecrets {

    /** One secret: its file under .data/secrets, the environment variable that carries it, how to make one. */
    record Secret(String file, String envVariable, Supplier<String> generator) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path directory;

    public SharedSecrets(Path directory) {
        this.directory = directory;
    }

    static List<Secret> catalogue(List<String> oauthClientIds) {
        List<Secret> secrets = new ArrayList<>(List.of(
                new Secret("internal-hmac-secret", "ROSEASH_INTERNAL_HMAC_SECRET", () -> randomToken(32)),
                new Secret("database-password", "ROSEASH_DATASOURCE_PASSWORD", () -> randomToken(24)),
                new Secret("session-encryption-secret", "ROSEASH_SESSION_ENCRYPTION_SECRET", () -> randomToken(32)),
                new Secret("device-id-secret", "ROSEASH_DEVICE_ID_SECRET", () -> randomToken(32)),
                new Secret("web-csrf-secret", "ROSEASH_WEB_CSRF_SECRET", () -> randomToken(32)),
                // AES-256 key for page settings' SumUp credentials: standard base64 of 32 bytes
                new Secret("blog-credentials-key", "ROSEASH_BLOG_CREDENTIALS_KEY", () -> randomKey(32)),
                // AES-256 key sealing ActivityPub actors' private keys in the database: base64 of 32 bytes
                new Secret("activitypub-key-encryption-key", "ROSEASH_ACTIVITYPUB_KEY_ENCRYPTION_KEY", () -> randomKey(32)),
                // signs account's one-click unsubscribe links (HMAC-SHA256)
                new Secret("account-unsubscribe-secret", "ROSEASH_ACCOUNT_UNSUBSCRIBE_SECRET", () -> randomToken(32))));
        for (String client : oauthClientIds) {
            String envName = client.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
            secrets.add(new Secret("oauth-client-" + client + "-secret", "ROSEASH_OAUTH_CLIENT_" + envName + "_SECRET",
                    () -> randomToken(32)));
        }
        return secrets;
    }

    /** Reads each secret, generating the missing ones; returns environment variable ⇒ value. */
    public Map<String, String> loadOrGenerate(List<String> oauthClientIds) {
        Map<String, String> env = new LinkedHashMap<>();
        try {
            Files.createDirectories(directory);
            restrict(directory, "rwx------");
            for (Secret secret : catalogue(oauthClientIds)) {
                Path file = directory.resolve(secret.file());
                if (!Files.exists(file)) {
                    Path fresh = Files.createTempFile(directory, secret.file(), ".tmp");
                    restrict(fresh, "rw-------");
                    Files.writeString(fresh, secret.generator().get(), StandardCharsets.UTF_8);
                    Files.move(fresh, file);
                }
                env.put(secret.envVariable(), Files.readString(file, StandardCharsets.UTF_8).trim());
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the secrets under " + directory + ": " + e.getMessage(), e);
        }
        return env;
    }

    private static void restrict(Path path, String permissions) throws IOException {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        } catch (UnsupportedOperationException notPosix) {
            // not a POSIX file system: the folder is still git-ignored
        }
    }

    static String randomKey(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return Base64.getEncoder().encodeToString(random);
    }

    static String randomToken(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }
}
