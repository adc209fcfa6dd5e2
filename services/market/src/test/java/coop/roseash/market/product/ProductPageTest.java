package coop.roseash.market.product;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import coop.roseash.market.page.MarketPageView;
import coop.roseash.market.support.MarketTestResource;
import coop.roseash.market.support.Shop;
import coop.roseash.market.support.TestProduct;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A product's page: everything a member needs to decide, shown safely; a withdrawn product sells nothing. */
@QuarkusTest
@WithTestResource(MarketTestResource.class)
class ProductPageTest {

    @Inject
    Shop shop;

    private MarketPageView market;

    @BeforeEach
    void aMarket() {
        market = shop.openMarket();
    }

    private Document page(ProductRef product) {
        Response response = given().get(market.href() + "p/" + product.slug());
        assertThat(response.statusCode()).isEqualTo(200);
        return Jsoup.parse(response.body().asString());
    }

    @Test
    void showsTitleImagesBrandPriceWithVatUnitLabelsStockAndDescription() {
        ProductRef juice = shop.product(market, TestProduct.named("Cloudy apple juice").brand("Hill Orchard")
                .category("Drinks").price("2.50").vat("20").unit("75 cl").stock("12").labels("organic, local")
                .images("https://img.example.org/juice.jpg\nhttps://img.example.org/juice-2.jpg")
                .description("<p>Pressed from <b>windfalls</b>.</p><ul><li>No sugar</li></ul>"));

        Document page = page(juice);
        assertThat(page.select("h1").text()).isEqualTo("Cloudy apple juice");
        assertThat(page.select("title").text()).isEqualTo("Cloudy apple juice · " + market.title() + " · Rose Ash");
        assertThat(page.select(".product-images img").eachAttr("src"))
                .containsExactly("https://img.example.org/juice.jpg", "https://img.example.org/juice-2.jpg");
        assertThat(page.select(".product-images img").first().attr("alt")).isEqualTo("Cloudy apple juice");
        assertThat(page.select(".product-brand").text()).isEqualTo("By Hill Orchard");
        assertThat(page.select(".product-brand a").attr("href")).isEqualTo(market.href() + "?brand=Hill+Orchard");
        assertThat(page.select(".product-price").text()).isEqualTo("£2.50 / 75 cl");
        // 2.50 with 20 % included: 2.50 × 20 / 120 = 0.4166… → £0.42
        assertThat(page.select(".product-vat").text()).isEqualTo("incl. 20 % VAT (£0.42)");
        assertThat(page.select(".tags .tag").eachText()).containsExactly("organic", "local");
        assertThat(page.select(".stock").text()).isEqualTo("12 in stock");
        assertThat(page.select(".breadcrumbs a").eachAttr("href")).containsExactly(market.href(), market.href() + "?category=Drinks");
        // the description is sanitized rich text, shown as markup
        assertThat(page.select(".product-description b").text()).isEqualTo("windfalls");
        assertThat(page.select(".product-description li").text()).isEqualTo("No sugar");
        // and a form to add it to the cart, at most what is in stock
        assertThat(page.select("form.add-to-cart input[name=product]").attr("value")).isEqualTo(Long.toString(juice.id()));
        assertThat(page.select("form.add-to-cart input[name=quantity]").attr("max")).isEqualTo("12");
        assertThat(page.select("form.add-to-cart").attr("sx-post")).isEqualTo(market.href() + "cart");
    }

    @Test
    void zeroRatedAndUncountedProductsSaySo() {
        ProductRef oats = shop.product(market, TestProduct.named("Oats").price("2").vat("0"));
        Document page = page(oats);
        assertThat(page.select(".product-vat").text()).isEqualTo("no VAT");
        assertThat(page.select(".stock")).isEmpty();
        assertThat(page.select("form.add-to-cart input[name=quantity]").attr("max")).isEqualTo("99");
        ProductRef reduced = shop.product(market, TestProduct.named("Child seat").price("105.00").vat("5"));
        assertThat(page(reduced).select(".product-vat").text()).isEqualTo("incl. 5 % VAT (£5.00)");
    }

    @Test
    void anOutOfStockProductCannotBeAdded() {
        ProductRef rye = shop.product(market, TestProduct.named("Seeded rye").price("4.50").stock("0"));
        Document page = page(rye);
        assertThat(page.select(".stock").text()).isEqualTo("Out of stock");
        assertThat(page.select(".out-of-stock").text()).isEqualTo("Out of stock");
        assertThat(page.select("form.add-to-cart")).isEmpty();
    }

    @Test
    void scriptInATitleShowsAsTextAndScriptInADescriptionIsRemoved() {
        ProductRef evil = shop.product(market, TestProduct.named("Jam <script>alert('x')</script>").brand("<b>Brand</b>")
                .labels("<img src=x onerror=alert(1)>").price("3")
                .description("<p>Good jam.</p><script>alert('body')</script><img src=\"x\" onerror=\"alert(2)\">"
                        + "<a href=\"javascript:alert(3)\">link</a>"));
        Response response = given().get(market.href() + "p/" + evil.slug());
        String html = response.body().asString();
        Document page = Jsoup.parse(html);
        assertThat(page.select("h1").text()).isEqualTo("Jam <script>alert('x')</script>");
        assertThat(page.select(".product-brand").text()).isEqualTo("By <b>Brand</b>");
        assertThat(page.select(".tags .tag").text()).isEqualTo("<img src=x onerror=alert(1)>");
        assertThat(page.select(".product-description").text()).contains("Good jam.");
        // what was markup in plain fields is text; nothing that runs is left anywhere
        assertThat(html).doesNotContain("<script>alert").doesNotContain("<img src=x").doesNotContain("javascript:alert");
        assertThat(page.select("[onerror], script:not([src]):not([type=text/sx])")).isEmpty();
        assertThat(page.select(".product-description a").attr("href")).isEmpty();
    }

    @Test
    void aWithdrawnProductsPageSaysItIsNoLongerAvailableAndOffersNoButton() {
        ProductRef gone = shop.product(market, TestProduct.named("Old biscuits").price("1.20").stock("4"));
        shop.withdraw(gone);
        Document page = page(gone);
        assertThat(page.select("h1").text()).isEqualTo("Old biscuits");
        assertThat(page.select(".withdrawn").text()).isEqualTo("This product is no longer available.");
        assertThat(page.select("form.add-to-cart")).isEmpty();
        assertThat(page.select(".stock")).isEmpty();
    }

    @Test
    void anUnknownProductOrOneOfAnotherMarketIsNotFound() {
        ProductRef elsewhere = shop.product(shop.openMarket(), TestProduct.named("Elsewhere").price("1"));
        assertThat(given().get(market.href() + "p/no-such-product").statusCode()).isEqualTo(404);
        assertThat(given().get(market.href() + "p/" + elsewhere.slug()).statusCode()).isEqualTo(404);
        shop.close(market);
        ProductRef here = shop.product(market, TestProduct.named("Here").price("1"));
        assertThat(given().get(market.href() + "p/" + here.slug()).statusCode()).isEqualTo(404);
    }
}
