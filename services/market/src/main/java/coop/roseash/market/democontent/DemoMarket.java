package coop.roseash.market.democontent;

import coop.roseash.market.page.MarketPageForm;
import coop.roseash.market.page.MarketPageView;
import coop.roseash.market.page.MarketPages;
import coop.roseash.market.product.Products;
import coop.roseash.shared.config.ServiceUrls;
import coop.roseash.shared.contracts.blog.PageRef;
import coop.roseash.shared.contracts.blog.PageSettings;
import coop.roseash.shared.contracts.blog.Pages;
import coop.roseash.shared.model.market.Product;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The demo market of a local run ({@code ./deploy.sh --local} sets {@code ROSEASH_MARKET_DEMO_CONTENT=true};
 * {@code --no-demo} does not; never in the stack): a market on the blog's demo page "Our members" ({@code /members/})
 * with what its members sell, written through the market's own services (the admin's path: validation, sanitizing).
 *
 * <p>The blog writes its demo pages when it starts, beside the market, so this waits for the page (every 5 s, for up
 * to {@link #PATIENCE}). Turning the page's market on goes through blog's contract ({@link PageSettings#enableMarket}),
 * and only when the demo market is first created: an admin who closes it later is not overruled. Idempotent: a
 * product whose address exists is left alone; replicas starting together take turns.
 */
@ApplicationScoped
public class DemoMarket {

    static final String PAGE_SLUG = "members";
    static final String MARKET_SLUG = "members-market";
    static final Duration PATIENCE = Duration.ofMinutes(10);
    private static final Logger LOG = Logger.getLogger(DemoMarket.class);

    private final Pages pages;
    private final PageSettings settings;
    private final MarketPages markets;
    private final Products products;
    private final ServiceUrls urls;
    private final EntityManager db;
    private final boolean enabled;
    private final Instant started = Instant.now();
    private volatile boolean done;

    DemoMarket(Pages pages, PageSettings settings, MarketPages markets, Products products, ServiceUrls urls,
               EntityManager db, @ConfigProperty(name = "roseash.market.demo-content", defaultValue = "false") boolean enabled) {
        this.pages = pages;
        this.settings = settings;
        this.markets = markets;
        this.products = products;
        this.urls = urls;
        this.db = db;
        this.enabled = enabled;
    }

    @Scheduled(every = "5s", delayed = "2s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void seedWhenThePageIsThere() {
        if (!enabled || done) {
            return;
        }
        try {
            Optional<Integer> written = seed();
            if (written.isPresent()) {
                done = true;
                LOG.infof("demo market: %d new market pages and products on /%s/", written.get(), PAGE_SLUG);
            } else if (Duration.between(started, Instant.now()).compareTo(PATIENCE) > 0) {
                done = true;
                LOG.warnf("demo market: no blog page /%s/ after %s (is the blog's demo content off?); not written",
                        PAGE_SLUG, PATIENCE);
            }
        } catch (RuntimeException e) {
            LOG.warnf("demo market: not written yet, trying again: %s", e.toString());
        }
    }

    /**
     * Writes whatever part of the demo market is missing; how many market pages and products it added, or empty
     * while the blog's demo page does not exist yet.
     */
    public Optional<Integer> seed() {
        return QuarkusTransaction.requiringNew().call(() -> {
            // one seeder at a time across replicas, released with the transaction
            db.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext('roseash.market.demo-content'))").getSingleResult();
            Optional<PageRef> page = pages.pageBySlug(PAGE_SLUG);
            if (page.isEmpty()) {
                return Optional.<Integer>empty();
            }
            int written = 0;
            MarketPageView market = markets.forContainer(MarketPages.CONTAINER_TYPE, page.get().id()).orElse(null);
            if (market == null) {
                settings.enableMarket(MarketPages.CONTAINER_TYPE, page.get().id());
                market = markets.create(new MarketPageForm(PAGE_SLUG, "The members' market", MARKET_SLUG,
                        "Fruit, bread, honey and wholefoods from Rose Ash's members, for collection at the Saturday market."));
                written++;
            }
            String images = urls.publicUrl("market") + "/demo/";
            for (DemoProducts.Item item : DemoProducts.items()) {
                if (Product.count("slug", item.slug()) == 0) {
                    products.create(market.id(), item.form(images));
                    written++;
                }
            }
            return Optional.of(written);
        });
    }
}
