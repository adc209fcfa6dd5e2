package coop.roseash.e2e.commerce;

import coop.roseash.e2e.SharedPlatform;
import coop.roseash.e2e.TestDatabase;

import java.time.Duration;

/**
 * The market's demo market ("members-market", on the blog's demo page /members/, written by market at start when
 * {@code ROSEASH_MARKET_DEMO_CONTENT} is on) made ready to sell: the page gets SumUp settings, a merchant code and an
 * API key sealed as blog's {@code CredentialCipher} seals it (any key will do for the stub).
 */
public final class DemoShop {

    public static final String MARKET = "members-market";
    public static final String MERCHANT = "MCE2E" + SharedPlatform.RUN.substring(0, 4).toUpperCase(java.util.Locale.ROOT);

    private DemoShop() {
    }

    /** Waits (up to 2 min) for the demo market and its nine products, gives its page SumUp settings; the page's id. */
    public static long ready(TestDatabase db) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        long page = -1;
        while (page <= 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no demo market '" + MARKET + "' with its products within 2 min");
            }
            Thread.sleep(500);
            page = db.longOrMinusOne("SELECT container_id FROM market_pages m WHERE slug = ? AND container_type = 'page'"
                    + " AND (SELECT count(*) FROM products p WHERE p.market_page_id = m.id) >= 9", MARKET);
        }
        db.setSumUp("page", page, MERCHANT, "sk-e2e-stub-" + SharedPlatform.RUN, SharedPlatform.CREDENTIALS_KEY);
        return page;
    }
}
