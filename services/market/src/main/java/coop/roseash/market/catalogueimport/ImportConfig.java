package coop.roseash.market.catalogueimport;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * The catalogue import's settings ({@code roseash.market.import.*}): where the wholesaler's catalogue starts, how
 * politely it is read, and the CSS selectors that find categories, products and their fields. The defaults describe
 * the page shape of the test fixtures ({@code src/test/resources/catalogue/}); a real wholesaler gets its own
 * selectors in configuration, no code change.
 */
@ConfigMapping(prefix = "roseash.market.import")
public interface ImportConfig {

    /** The wholesaler's category index page: every run starts there. Unset, the import is off. */
    Optional<URI> startUrl();

    /** The market page (slug) a scheduled run imports into; the admin page offers it first. */
    Optional<String> marketPage();

    /** The pause between two requests to the same host. */
    @WithDefault("1s")
    Duration delay();

    @WithDefault("5s")
    Duration connectTimeout();

    /** How long a whole page may take to arrive; a slower page is skipped. */
    @WithDefault("20s")
    Duration readTimeout();

    /** A running run whose heartbeat is older than this belongs to a dead process and is taken over. */
    @WithDefault("2m")
    Duration staleAfter();

    /** A bound on one run, against a catalogue that links to itself forever. */
    @WithDefault("50000")
    int maxPages();

    /** The currency of the wholesaler's prices (ISO 4217). */
    @WithDefault("GBP")
    String currency();

    /** When the scheduled run starts (Quarkus cron); "off" turns the schedule off. */
    @WithDefault("off")
    String cron();

    /** How often a replica looks for a run left behind by a dead process; "off" turns it off. */
    @WithDefault("1m")
    String resumeCheck();

    Selectors selectors();

    /** CSS selectors (jsoup) for the wholesaler's pages. */
    interface Selectors {

        /** On the index page: the links to category pages. */
        @WithDefault("a.category-link")
        String categoryLink();

        /** On a category page: its name (else the index link's text). */
        @WithDefault("h1.category-title")
        String categoryTitle();

        /** On a category page: the product list; a category page without one is malformed. */
        @WithDefault(".product-list")
        String productList();

        /** Inside the product list: the links to product pages. */
        @WithDefault("a.product-link")
        String productLink();

        /** On a category page: the link to its next page, if any. */
        @WithDefault("a[rel=next]")
        String nextPage();

        @WithDefault(".product-code")
        String code();

        @WithDefault(".product-title")
        String title();

        @WithDefault(".product-brand")
        String brand();

        @WithDefault(".product-price")
        String price();

        @WithDefault(".product-unit")
        String unit();

        /** Each match is one label. */
        @WithDefault(".product-labels li")
        String labels();

        /** Its inner HTML is the description (sanitized). */
        @WithDefault(".product-description")
        String description();

        /** Each match's {@code src} is an image URL. */
        @WithDefault(".product-images img")
        String images();

        /** Present when the product is in stock. */
        @WithDefault(".in-stock")
        String inStock();
    }
}
