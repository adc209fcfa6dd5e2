package coop.roseash.market.democontent;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import coop.roseash.market.page.MarketPageView;
import coop.roseash.market.page.MarketPages;
import coop.roseash.market.support.MarketTestResource;
import coop.roseash.market.support.Shop;
import coop.roseash.shared.contracts.blog.PageSettings;
import coop.roseash.shared.model.market.Product;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** The demo market of a local run: it waits for the blog's demo page, then attaches to it, once. */
@QuarkusTest
@WithTestResource(MarketTestResource.class)
class DemoMarketTest {

    @Inject
    DemoMarket demo;
    @Inject
    Shop shop;
    @Inject
    MarketPages markets;
    @Inject
    PageSettings settings;

    @Test
    void theDemoMarketWaitsForTheMembersPageThenTurnsItsMarketOnAndFillsItOnce() {
        assertThat(demo.seed()).as("before the blog wrote its demo page").isEmpty();

        long page = shop.blogPage(DemoMarket.PAGE_SLUG, false);
        // other tests of this application may have taken a demo product's address already: those are left alone
        long taken = DemoProducts.items().stream().filter(item -> Product.count("slug", item.slug()) > 0).count();
        assertThat(demo.seed()).contains((int) (1 + DemoProducts.items().size() - taken));
        assertThat(settings.settings("page", page).marketEnabled()).isTrue();
        MarketPageView market = markets.forContainer("page", page).orElseThrow();
        assertThat(market.slug()).isEqualTo(DemoMarket.MARKET_SLUG);

        Document browse = Jsoup.parse(given().get(market.href()).body().asString());
        assertThat(browse.select(".product-card")).hasSize((int) (DemoProducts.items().size() - taken));
        assertThat(browse.select(".market-categories a").eachText()).contains("Bakery", "Repair");
        assertThat(browse.select(".product-card img").first().attr("src")).startsWith("http://market.localhost:8002/demo/");
        assertThat(given().get("/demo/honey.svg").statusCode()).isEqualTo(200);

        // a second start writes nothing, and an admin's closing of the market is not overruled
        assertThat(demo.seed()).contains(0);
    }
}
