package coop.roseash.market.support;

import coop.roseash.devinfra.PlatformTestResource;
import coop.roseash.devinfra.PortProbe;

import java.util.HashMap;
import java.util.Map;

/**
 * Real PostgreSQL and Redis (dev-infra), and the market wired as a service among others: an internal secret, and
 * this test application at a fixed port as the market's and cart's fragment provider (cart's {@code cart-mini} is
 * played by {@link TestCartMini}), so pages carry a real mini cart and an add to cart can refresh it. blog and
 * federation point at a closed port: their header fragments are empty at once.
 */
public class MarketTestResource extends PlatformTestResource {

    public static final String INTERNAL_SECRET = "market-test-internal-secret-0123456789";
    // fixed before start, so the fragment client can be pointed at this application
    private static final String PORT = Integer.toString(PortProbe.freePort());

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(super.start());
        String self = "http://127.0.0.1:" + PORT;
        config.put("quarkus.http.test-port", PORT);
        config.put("roseash.internal.hmac-secret", INTERNAL_SECRET);
        config.put("roseash.services.market.internal-url", self);
        config.put("roseash.services.cart.internal-url", self);
        config.put("roseash.services.blog.internal-url", "http://127.0.0.1:9");
        config.put("roseash.services.federation.internal-url", "http://127.0.0.1:9");
        // generous: these tests check what the fragments show; the timeout itself is tested in shared-lib
        config.put("roseash.fragments.timeout-ms", "5000");
        return config;
    }
}
