package coop.roseash.market.browse;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import coop.roseash.market.page.MarketPageView;
import coop.roseash.market.product.ProductRef;
import coop.roseash.market.support.MarketTestResource;
import coop.roseash.market.support.Shop;
import coop.roseash.market.support.TestProduct;
import coop.roseash.market.support.TestVisitors;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A market page as visitors browse it: only what is on sale, by category, brand, labels, price and stock, searched,
 * sorted and paged, every choice a link; filters that cannot mean anything are a 400 that says why.
 */
@QuarkusTest
@WithTestResource(MarketTestResource.class)
class BrowseTest {

    @Inject
    Shop shop;

    private MarketPageView market;

    @BeforeEach
    void aMarket() {
        market = shop.openMarket();
        shop.product(market, TestProduct.named("Rolled oats").brand("Hill Farm").category("Cereals").price("2.10")
                .labels("organic, vegan").stock(""));
        shop.product(market, TestProduct.named("Porridge oats").brand("Hill Farm").category("Cereals").price("1.50")
                .labels("vegan").stock("0"));
        shop.product(market, TestProduct.named("Red lentils").brand("Pulse Co").category("Pulses").price("2.80")
                .labels("organic, vegan, gluten-free").stock("5"));
        shop.product(market, TestProduct.named("Wildflower honey").brand("Meadow Bees").category("Pantry").price("6.50")
                .labels("local").stock("3"));
        ProductRef gone = shop.product(market, TestProduct.named("Withdrawn oat bar").brand("Hill Farm")
                .category("Cereals").price("0.90").labels("organic, vegan, withdrawn-only"));
        shop.withdraw(gone);
    }

    private Document page(String query) {
        Response response = given().urlEncodingEnabled(false).get(market.href() + query);
        assertThat(response.statusCode()).as(market.href() + query).isEqualTo(200);
        return Jsoup.parse(response.body().asString(), "http://market.test" + market.href());
    }

    private static List<String> titles(Document page) {
        return page.select(".product-grid .product-card h2 a").eachText();
    }

    @Test
    void theMarketListsWhatIsOnSaleNewestFirstAndHidesWithdrawnProducts() {
        Document page = page("");
        assertThat(titles(page)).containsExactly("Wildflower honey", "Red lentils", "Porridge oats", "Rolled oats");
        assertThat(page.select("h1").text()).isEqualTo(market.title());
        assertThat(page.select(".market-count").text()).isEqualTo("4 products.");
        // the withdrawn product's label and nothing else of it shows anywhere
        assertThat(page.text()).doesNotContain("Withdrawn oat bar").doesNotContain("withdrawn-only");
        assertThat(page.select(".market-categories a").eachText())
                .containsExactly("All categories", "Cereals", "Pantry", "Pulses");
        assertThat(page.select("#f-brand option").eachText()).containsExactly("Any brand", "Hill Farm", "Meadow Bees", "Pulse Co");
        assertThat(page.select(".filter-labels input").eachAttr("value")).containsExactly("gluten-free", "local", "organic", "vegan");
    }

    @Test
    void aCategoryIsALinkThatKeepsTheOtherFilters() {
        Document all = page("?sort=price-asc");
        String cereals = all.select(".market-categories a:containsOwn(Cereals)").attr("href");
        assertThat(cereals).isEqualTo(market.href() + "?category=Cereals&sort=price-asc");

        Document page = page("?category=Cereals&sort=price-asc");
        assertThat(titles(page)).containsExactly("Porridge oats", "Rolled oats");
        assertThat(page.select(".market-categories a[aria-current=page]").text()).isEqualTo("Cereals");
        assertThat(page.select("input[type=hidden][name=category]").attr("value")).isEqualTo("Cereals");
        // within a category the brand and label menus offer what that category has
        assertThat(page.select("#f-brand option").eachText()).containsExactly("Any brand", "Hill Farm");
        assertThat(page.select(".filter-labels input").eachAttr("value")).containsExactly("organic", "vegan");
    }

    @Test
    void brandLabelsPriceAndStockFiltersNarrowTheList() {
        assertThat(titles(page("?brand=Hill+Farm"))).containsExactly("Porridge oats", "Rolled oats");
        assertThat(titles(page("?label=organic"))).containsExactly("Red lentils", "Rolled oats");
        assertThat(titles(page("?label=organic&label=gluten-free"))).containsExactly("Red lentils");
        assertThat(titles(page("?min_price=2&max_price=3.00"))).containsExactly("Red lentils", "Rolled oats");
        assertThat(titles(page("?max_price=2.1"))).containsExactly("Porridge oats", "Rolled oats");
        assertThat(titles(page("?in_stock=1&brand=Hill+Farm"))).containsExactly("Rolled oats");
        assertThat(titles(page("?brand=Nobody"))).isEmpty();
        assertThat(page("?brand=Nobody").select(".market-count").text()).isEqualTo("No products match.");

        Document filtered = page("?brand=Hill+Farm&label=vegan&min_price=1.5&in_stock=1");
        assertThat(filtered.select("#f-brand option[selected]").text()).isEqualTo("Hill Farm");
        assertThat(filtered.select(".filter-labels input[checked]").eachAttr("value")).containsExactly("vegan");
        assertThat(filtered.select("#f-min").attr("value")).isEqualTo("1.50");
        assertThat(filtered.select("input[name=in_stock]").hasAttr("checked")).isTrue();
        assertThat(filtered.select("a:containsOwn(Clear filters)").attr("href")).isEqualTo(market.href());
    }

    @Test
    void searchFindsProductsByNameBrandAndCategory() {
        assertThat(titles(page("?q=oats"))).containsExactly("Porridge oats", "Rolled oats");
        assertThat(titles(page("?q=meadow"))).containsExactly("Wildflower honey");
        assertThat(titles(page("?q=pulses"))).containsExactly("Red lentils");
        assertThat(titles(page("?q=oats&sort=title"))).containsExactly("Porridge oats", "Rolled oats");
        assertThat(titles(page("?q=oats&sort=price-desc"))).containsExactly("Rolled oats", "Porridge oats");
        // search and filters together; a withdrawn product is never found
        assertThat(titles(page("?q=oat&label=organic"))).containsExactly("Rolled oats");
        assertThat(titles(page("?q=%22no+such+thing%22"))).isEmpty();
        // words PostgreSQL ignores, or punctuation only, find nothing and break nothing
        assertThat(titles(page("?q=the+and"))).isEmpty();
        assertThat(titles(page("?q=%26%7C%21%28"))).isEmpty();
        assertThat(page("?q=oats").select("#f-q").attr("value")).isEqualTo("oats");
    }

    @Test
    void everySortOrderIsALink() {
        assertThat(titles(page("?sort=price-asc"))).containsExactly("Porridge oats", "Rolled oats", "Red lentils", "Wildflower honey");
        assertThat(titles(page("?sort=price-desc"))).containsExactly("Wildflower honey", "Red lentils", "Rolled oats", "Porridge oats");
        assertThat(titles(page("?sort=title"))).containsExactly("Porridge oats", "Red lentils", "Rolled oats", "Wildflower honey");
        assertThat(titles(page("?sort=newest"))).containsExactly("Wildflower honey", "Red lentils", "Porridge oats", "Rolled oats");
        assertThat(page("?sort=title").select("#f-sort option[selected]").attr("value")).isEqualTo("title");
    }

    @Test
    void pagesHoldTwentyFourProductsAndLinkToTheirNeighboursWithTheFiltersKept() {
        MarketPageView big = shop.openMarket();
        for (int i = 1; i <= 30; i++) {
            shop.product(big, TestProduct.named(String.format("Jar %02d", i)).category("Jars").price("1." + (10 + i)));
        }
        market = big;
        Document first = page("?category=Jars&sort=title");
        assertThat(titles(first)).hasSize(24).startsWith("Jar 01").endsWith("Jar 24");
        assertThat(first.select(".pager-position").text()).isEqualTo("Page 1 of 2");
        String next = first.select(".pager a[rel=next]").attr("href");
        assertThat(next).isEqualTo(big.href() + "?category=Jars&sort=title&page=2");
        assertThat(first.select(".pager a[rel=prev]")).isEmpty();

        Document second = page(next.substring(big.href().length()));
        assertThat(titles(second)).containsExactly("Jar 25", "Jar 26", "Jar 27", "Jar 28", "Jar 29", "Jar 30");
        assertThat(second.select(".pager a[rel=prev]").attr("href")).isEqualTo(big.href() + "?category=Jars&sort=title");
        assertThat(second.select(".pager a[rel=next]")).isEmpty();
        // past the end: an empty page, not an error
        assertThat(titles(page("?category=Jars&page=9"))).isEmpty();
        // the same through a search (matches are sorted after they are found)
        Document searched = page("?q=jar&sort=title&page=2");
        assertThat(titles(searched)).containsExactly("Jar 25", "Jar 26", "Jar 27", "Jar 28", "Jar 29", "Jar 30");
        assertThat(searched.select(".market-count").text()).isEqualTo("30 products.");
    }

    @Test
    void filtersThatCannotMeanAnythingAreRefusedWithAMessage() {
        assertRefused("?min_price=abc", "The lowest price must be an amount such as 2 or 2.50");
        assertRefused("?max_price=-1", "The highest price must be an amount");
        assertRefused("?min_price=1.234", "at most two decimals");
        assertRefused("?min_price=5&max_price=2", "The highest price (2.00) is below the lowest price (5.00)");
        assertRefused("?sort=%3Cscript%3E", "Products can be sorted by newest, price-asc, price-desc, title.");
        assertRefused("?page=0", "The page is a number from 1 to 10000.");
        assertRefused("?page=abc", "The page is a number from 1 to 10000.");
        assertRefused("?page=99999999999999999999", "The page is a number from 1 to 10000.");
        assertRefused("?in_stock=maybe", "in_stock is 1");
        assertRefused("?brand=" + "x".repeat(101), "A brand has at most 100 characters.");
        assertRefused("?category=a%01b", "A category cannot contain control characters.");
        StringBuilder labels = new StringBuilder("?");
        for (int i = 0; i < 11; i++) {
            labels.append("label=l").append(i).append('&');
        }
        assertRefused(labels.toString(), "Filter by at most 10 labels at once.");
    }

    private void assertRefused(String query, String message) {
        Response response = given().urlEncodingEnabled(false).get(market.href() + query);
        assertThat(response.statusCode()).as(query).isEqualTo(400);
        Document page = Jsoup.parse(response.body().asString());
        assertThat(page.select("main").text()).as(query).contains(message);
        assertThat(response.body().asString()).doesNotContain("<script>");
    }

    @Test
    void aLongSearchIsCutNotRefused() {
        assertThat(page("?q=" + "oats+".repeat(100)).select("#f-q").attr("value")).hasSizeLessThanOrEqualTo(200);
    }

    @Test
    void aClosedMarketIsNotFoundForVisitorsAndShownToAdminsAsClosed() {
        shop.close(market);
        assertThat(given().get(market.href()).statusCode()).isEqualTo(404);
        assertThat(given().get("/no-such-market/").statusCode()).isEqualTo(404);
        Response asAdmin = given().header(TestVisitors.HEADER, TestVisitors.ADMIN).get(market.href());
        assertThat(asAdmin.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(asAdmin.body().asString()).select(".note").text()).contains("This market is closed");
    }

    @Test
    void theMarketsHomeListsOpenMarketsOnly() {
        MarketPageView closed = shop.openMarket();
        shop.close(closed);
        Document home = Jsoup.parse(given().get("/").body().asString());
        assertThat(home.select(".market-list a").eachAttr("href")).contains(market.href()).doesNotContain(closed.href());
        assertThat(home.select("h1").text()).isEqualTo("The market");
    }
}
