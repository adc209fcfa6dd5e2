package coop.roseash.e2e;

import coop.roseash.devinfra.TestInfrastructure;
import coop.roseash.launcher.PlatformConfig;
import coop.roseash.launcher.ServiceEnvironment;
import coop.roseash.launcher.SumUpStubServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The six packaged services, started once for every end-to-end class in this JVM (each boot of six JVMs costs
 * about half a minute on two cores) and stopped when the test run ends. It runs with everything a real
 * platform has: a fresh database with the seed every test class expects, its own Redis index, the internal
 * HMAC secret, OAuth client secrets, signing keys and a mail sink. Classes that stop or freeze a service run
 * last ({@code @Order} on the classes; failsafe orders classes by it).
 */
public final class SharedPlatform implements BeforeAllCallback, ExtensionContext.Store.CloseableResource {

    /** A random marker of this run, so seeded rows are recognisable. */
    public static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    /** A label of the blog's demo menu (written by the blog at start, as in a local run), which every header shows. */
    public static final String NAV_LABEL = "About the co-op";
    /** An anonymous device with three items (2 + 1) in its cart. */
    public static final String DEVICE = "e2e-device-" + RUN;
    /** The platform's internal HMAC secret. */
    public static final String SECRET = "e2e-secret-" + UUID.randomUUID();
    /** The key (base64 of 32 bytes) every service decrypts page credentials with (blog's CredentialCipher). */
    public static final String CREDENTIALS_KEY = randomKey();

    private static SharedPlatform instance;

    private RunningPlatform platform;
    private TestDatabase db;
    private TestInfrastructure infra;
    private int redisDb;
    private Path mailDir;
    private SumUpStubServer sumUp;

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(SharedPlatform.class, key -> start(), SharedPlatform.class);
    }

    /** The running platform; the class must be extended with {@code @ExtendWith(SharedPlatform.class)}. */
    public static SharedPlatform get() {
        if (instance == null) {
            throw new IllegalStateException("annotate the test class with @ExtendWith(SharedPlatform.class)");
        }
        return instance;
    }

    private static synchronized SharedPlatform start() {
        SharedPlatform shared = new SharedPlatform();
        shared.boot();
        instance = shared;
        return shared;
    }

    private void boot() {
        Path root = Path.of(System.getProperty("roseash.repo.root", "..")).toAbsolutePath().normalize();
        infra = TestInfrastructure.get();
        redisDb = Integer.parseInt(System.getProperty("roseash.test.redis-db", "9"));
        db = TestDatabase.fresh(infra.postgres(), System.getProperty("roseash.test.database", "roseash_test_e2e"));
        db.insertDeviceCartItem(DEVICE, 11, 2);
        db.insertDeviceCartItem(DEVICE, 12, 1);
        RedisCommands.flushDatabase(infra.redis().host(), infra.redis().port(), redisDb);
        Path work = root.resolve("e2e-tests/target/platform-" + RUN);
        try {
            mailDir = Files.createDirectories(work.resolve("mail"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }

        Map<String, String> secrets = standardSettings(work, mailDir);
        // nothing reaches the real SumUp: cart talks to the launcher's stub, as in a local run (a payment page to click)
        try {
            sumUp = SumUpStubServer.start(0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the SumUp stub", e);
        }
        secrets.put("ROSEASH_SUMUP_API_URL", sumUp.baseUrl());
        secrets.put("ROSEASH_BLOG_CREDENTIALS_KEY", CREDENTIALS_KEY);
        // the market's demo market on the blog's demo page /members/ (products to buy), as in a local run
        secrets.put("ROSEASH_MARKET_DEMO_CONTENT", "true");
        // a pending payment no hint confirmed is looked at seconds after checkout, not minutes (CommerceJourneyIT kills
        // cart between checkout and payment and waits for the job)
        secrets.put("ROSEASH_CART_RECONCILE_EVERY", "2s");
        secrets.put("ROSEASH_CART_RECONCILE_AFTER", "PT5S");
        secrets.put("ROSEASH_CART_RECONCILE_RECHECK_AFTER", "PT3S");
        ServiceEnvironment env = new ServiceEnvironment(root.resolve("config/app-config.yaml"))
                .database(db.jdbcUrl(), db.user(), db.password())
                .redis(infra.redis().url(redisDb))
                .with(secrets);
        platform = RunningPlatform.start(root, env, root.resolve("e2e-tests/target/service-logs"));
        System.out.println("[e2e] all six services ready\n" + platform.measurements());
    }

    /**
     * What every test platform runs with beside its database and Redis: random secrets, the mail sink, signing keys
     * under {@code work}, C1 only, the blog's demo site and live demos (as a local run has them).
     */
    public static Map<String, String> standardSettings(Path work, Path mailDir) {
        Map<String, String> secrets = new HashMap<>();
        secrets.put("ROSEASH_INTERNAL_HMAC_SECRET", SECRET);
        secrets.put("ROSEASH_SESSION_ENCRYPTION_SECRET", UUID.randomUUID() + "-" + UUID.randomUUID());
        secrets.put("ROSEASH_DEVICE_ID_SECRET", UUID.randomUUID().toString());
        for (String service : PlatformConfig.SERVICE_NAMES) {
            secrets.put("ROSEASH_OAUTH_CLIENT_" + service.toUpperCase(Locale.ROOT) + "_SECRET",
                    UUID.randomUUID() + "-" + UUID.randomUUID());
        }
        secrets.put("MAIL_SINK_DIR", mailDir.toString());
        secrets.put("ROSEASH_FEDERATION_SIGNING_KEYS_DIR", work.resolve("keys").toString());
        // test processes, like the test JVMs (docs/build.md): C1 only starts six services on two cores sooner
        secrets.put("JAVA_TOOL_OPTIONS", "-XX:TieredStopAtLevel=1");
        // the blog writes its demo site (posts, pages, its menu), as in a local run
        secrets.put("ROSEASH_BLOG_DEMO_CONTENT", "true");
        // and its live SX demos are on, as in a local run (off in the stack), so the route walk covers them
        secrets.put("ROSEASH_BLOG_DEMOS_ENABLED", "true");
        return secrets;
    }

    public RunningPlatform platform() {
        return platform;
    }

    public TestDatabase database() {
        return db;
    }

    public TestInfrastructure infrastructure() {
        return infra;
    }

    public int redisDb() {
        return redisDb;
    }

    public Path mailDir() {
        return mailDir;
    }

    /** The SumUp stub cart talks to (its payment pages are at {@code baseUrl()/pay/...}). */
    public SumUpStubServer sumUp() {
        return sumUp;
    }

    /** A random AES-256 key, as standard base64 (the form the services' key settings take). */
    public static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    @Override
    public void close() {
        if (platform != null) {
            platform.close();
        }
        if (sumUp != null) {
            sumUp.close();
        }
        instance = null;
    }
}
