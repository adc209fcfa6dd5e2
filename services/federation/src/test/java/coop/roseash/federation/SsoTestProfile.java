package coop.roseash.federation;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The clients the single sign-on tests use, beside the five from app-config.yaml: {@code partner}
 * (an outside confidential client that needs consent), {@code mobile} (an outside client marked public),
 * and the secrets of the other six as the launcher would hand them over.
 */
public class SsoTestProfile implements QuarkusTestProfile {
    public static final String BLOG_SECRET = "blog-secret-for-tests";
    public static final String PARTNER_SECRET = "partner-secret-for-tests";
    public static final String PARTNER_REDIRECT = "https://partner.example/callback";
    public static final String MOBILE_REDIRECT = "http://127.0.0.1:49152/callback";
    public static final Path MAIL_DIR = Path.of("target", "test-mail");
    public static final Path KEYS_DIR = Path.of("target", "test-keys");

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> c = new HashMap<>();
        c.put("ROSEASH_OAUTH_CLIENT_BLOG_SECRET", BLOG_SECRET);
        // federation refuses to start without the secret of every client not marked public
        for (String client : new String[]{"MARKET", "CART", "EVENTS", "ACCOUNT"}) {
            c.put("ROSEASH_OAUTH_CLIENT_" + client + "_SECRET", client.toLowerCase() + "-secret-for-tests");
        }
        c.put("ROSEASH_OAUTH_CLIENT_PARTNER_SECRET", PARTNER_SECRET);
        c.put("roseash.oauth.clients[5].id", "partner");
        c.put("roseash.oauth.clients[5].name", "Partner App");
        c.put("roseash.oauth.clients[5].redirect-uris[0]", PARTNER_REDIRECT);
        c.put("roseash.oauth.clients[5].post-logout-redirect-uris[0]", "https://partner.example/bye");
        c.put("roseash.oauth.clients[6].id", "mobile");
        c.put("roseash.oauth.clients[6].redirect-uris[0]", MOBILE_REDIRECT);
        c.put("roseash.oauth.clients[6].public", "true");
        // app-config.yaml carries keys no typed mapping claims (datasource, redis, sumup)
        c.put("smallrye.config.mapping.validate-unknown", "false");
        // migration versions are ranges owned by different modules: a lower one may land after a higher one
        c.put("quarkus.flyway.out-of-order", "true");
        c.put("MAIL_SINK_DIR", MAIL_DIR.toString());
        c.put("roseash.federation.signing-keys-dir", KEYS_DIR.toString());
        // the five platform clients' back-channel URIs point at ports nobody listens on in tests
        for (int i = 0; i < 5; i++) {
            c.put("roseash.oauth.clients[" + i + "].backchannel-logout-uri", "http://127.0.0.1:9/auth/backchannel-logout");
        }
        return c;
    }
}
