package coop.roseash.market.catalogueimport;

import coop.roseash.devinfra.PlatformTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The import against the fixture catalogue ({@link CatalogueSite}): 11 good products on 3 categories (one of two
 * pages), two malformed product pages, one that answers 404 and one that hangs.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
@WithTestResource(CatalogueSite.class)
class CatalogueImportTest extends ImportTestBase {

    @Test
    void importsTheCatalogueSkippingBrokenPagesWithTheirReasonsAndASecondRunChangesNothing() throws Exception {
        ImportRunView first = importNow();
        assertThat(first.state()).isEqualTo("finished");
        assertThat(db.codes()).containsExactlyElementsOf(CODES);
        assertThat(first.created()).isEqualTo(11);
        assertThat(first.pagesVisited()).isEqualTo(16);  // index, 4 category pages, 11 product pages
        assertThat(first.pagesSkipped()).isEqualTo(4);
        assertThat(first.skipped()).extracting(s -> s.url().replace(CatalogueSite.baseUrl(), "") + " " + s.reason())
                .containsExactlyInAnyOrder(
                        "/product/price-on-request malformed product page: price \"Price on request\" is not a number",
                        "/product/no-code malformed product page: no code (.product-code)",
                        "/product/discontinued answered HTTP 404",
                        CatalogueSite.HANGS + " no complete answer within 1000 ms");

        Map<String, Object> apricots = db.product("DF-APR-1KG");
        assertThat(apricots).containsEntry("title", "Organic dried apricots").containsEntry("brand", "Suma")
                .containsEntry("category", "Dried fruit").containsEntry("price", 895).containsEntry("currency", "GBP")
                .containsEntry("unit", "1 kg").containsEntry("labels", "Organic|Vegan").containsEntry("stock", null)
                .containsEntry("available", true).containsEntry("slug", "organic-dried-apricots")
                .containsEntry("images", CatalogueSite.baseUrl() + "/images/apricots-1.jpg|https://cdn.example/apricots-2.jpg")
                .containsEntry("source", CatalogueSite.baseUrl() + "/product/apricots");
        assertThat(((Number) apricots.get("market_page")).longValue()).isEqualTo(shop);
        // the wholesaler's HTML is sanitized: no script, no handler, no javascript: link
        assertThat((String) apricots.get("description")).contains("<p>Unsulphured apricots from Turkey.</p>")
                .contains("<b>cool</b>").doesNotContain("script").doesNotContain("onclick").doesNotContain("javascript");
        assertThat(db.product("DF-FIG-250")).containsEntry("stock", 0);               // out of stock
        assertThat(db.product("GR-RIC-2KG")).containsEntry("price", 120450);          // £1,204.50
        assertThat(db.product("DF-RAI-1KG")).containsEntry("category", "Dried fruit"); // from the category's page 2
        // two products share a title: the slugs stay unique
        assertThat(List.of(db.product("GR-OAT-J25").get("slug"), db.product("GR-OAT-P25").get("slug")))
                .containsExactlyInAnyOrder("organic-oats", "organic-oats-gr-oat-p25");
        // dates are linked from two categories (and with a #fragment): one page visit, one product
        assertThat(CatalogueSite.hits()).filteredOn(h -> h.path().equals("/product/dates")).hasSize(1);
        Map<String, Instant> before = db.updatedAt();

        ImportRunView second = importNow();
        assertThat(second.id()).isNotEqualTo(first.id());
        assertThat(second.state()).isEqualTo("finished");
        assertThat(List.of(second.created(), second.updated(), second.unchanged(), second.madeUnavailable()))
                .containsExactly(0, 0, 11, 0);
        assertThat(db.updatedAt()).isEqualTo(before);
    }

    @Test
    void aChangedPriceIsUpdatedAVanishedProductBecomesUnavailableAndComesBackButAWithdrawnOneStaysWithdrawn() throws Exception {
        importNow();
        Map<String, Instant> before = db.updatedAt();
        CatalogueSite.serve("/product/apricots", CatalogueSite.page("/product/apricots").replace("£8.95", "£9.25"));
        String page2 = CatalogueSite.page("/catalogue/dried-fruit?page=2");
        CatalogueSite.serve("/catalogue/dried-fruit?page=2", page2.replaceAll("(?s)<li><a class=\"product-link\" "
                + "href=\"/product/prunes\">.*?</li>", ""));
        db.sql("UPDATE products SET available = false WHERE external_id = 'GR-QUI-500'");  // an admin withdrew quinoa
        Instant quinoaWithdrawn = db.updatedAt().get("GR-QUI-500");

        ImportRunView second = importNow();
        assertThat(List.of(second.created(), second.updated(), second.unchanged(), second.madeUnavailable()))
                .containsExactly(0, 1, 9, 1);
        assertThat(db.product("DF-APR-1KG")).containsEntry("price", 925);
        assertThat(db.updatedAt().get("DF-APR-1KG")).isAfter(before.get("DF-APR-1KG"));
        assertThat(db.product("DF-PRU-500")).containsEntry("available", false);  // kept, not deleted
        assertThat(db.product("GR-QUI-500")).containsEntry("available", false);
        assertThat(db.updatedAt().get("GR-QUI-500")).isEqualTo(quinoaWithdrawn);

        CatalogueSite.serve("/catalogue/dried-fruit?page=2", page2);
        ImportRunView third = importNow();
        assertThat(List.of(third.created(), third.updated(), third.unchanged(), third.madeUnavailable()))
                .containsExactly(0, 1, 10, 0);
        assertThat(db.product("DF-PRU-500")).containsEntry("available", true);   // back in the catalogue
        assertThat(db.product("GR-QUI-500")).containsEntry("available", false);  // still withdrawn by the admin
    }

    @Test
    void anIncompleteCrawlMarksNothingUnavailable() throws Exception {
        importNow();
        CatalogueSite.serve("/catalogue/drinks", "<!DOCTYPE html><title>Drinks</title><h1>Maintenance</h1>");
        ImportRunView second = importNow();
        assertThat(second.madeUnavailable()).isZero();
        assertThat(second.message()).contains("1 index or category page(s) could not be read");
        assertThat(second.skipped()).extracting(ImportRunView.SkippedPage::reason)
                .contains("malformed category page: no product list (.product-list)");
        assertThat(db.product("DR-APJ-1L")).containsEntry("available", true);
    }

    @Test
    void requestsToTheWholesalerAreSpacedByTheConfiguredDelay() throws Exception {
        CatalogueSite.clearHits();
        long started = System.nanoTime();
        importNow();
        double seconds = (System.nanoTime() - started) / 1e9;
        List<CatalogueSite.Hit> hits = CatalogueSite.hits();
        assertThat(hits).hasSize(20);
        for (int i = 1; i < hits.size(); i++) {
            long gapMs = TimeUnit.NANOSECONDS.toMillis(hits.get(i).atNanos() - hits.get(i - 1).atNanos());
            assertThat(gapMs).as("gap before %s", hits.get(i).path()).isGreaterThanOrEqualTo(CatalogueSite.DELAY_MS - 2);
        }
        System.out.printf("catalogue import: %d pages in %.2f s (%.1f pages/s, delay %d ms, one page hangs 1 s)%n",
                hits.size(), seconds, hits.size() / seconds, CatalogueSite.DELAY_MS);
    }

    /** Starts an import into the test's market page and waits for it to end. */
    ImportRunView importNow() throws Exception {
        assertThat(importer.start(shop, "admin")).isEqualTo(CatalogueImporter.Started.STARTED);
        importer.working().orElseThrow().get(60, TimeUnit.SECONDS);
        return latestRun();
    }
}
