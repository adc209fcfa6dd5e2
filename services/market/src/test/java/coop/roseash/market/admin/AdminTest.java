package coop.roseash.market.admin;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import coop.roseash.market.page.MarketPageView;
import coop.roseash.market.page.MarketPages;
import coop.roseash.market.product.ProductRef;
import coop.roseash.market.product.Products;
import coop.roseash.market.support.Csrf;
import coop.roseash.market.support.MarketTestResource;
import coop.roseash.market.support.Shop;
import coop.roseash.market.support.TestProduct;
import coop.roseash.market.support.TestVisitors;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/**
 * Admins create a market for a blog page whose settings turn the market on, and create, edit, withdraw and offer
 * again its products, with a clear message for every field to fix; nobody else gets in.
 */
@QuarkusTest
@WithTestResource(MarketTestResource.class)
class AdminTest {

    @Inject
    Shop shop;
    @Inject
    MarketPages markets;
    @Inject
    Products products;

    private static RequestSpecification asAdmin() {
        return Csrf.of("/admin", TestVisitors.ADMIN).post(TestVisitors.ADMIN);
    }

    private static Document admin(String path) {
        Response response = given().header(TestVisitors.HEADER, TestVisitors.ADMIN).get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return Jsoup.parse(response.body().asString());
    }

    private static Map<String, String> fieldErrors(Response response) {
        Document page = Jsoup.parse(response.body().asString());
        java.util.Map<String, String> errors = new java.util.LinkedHashMap<>();
        page.select(".field-error").forEach(e -> errors.put(e.id().replaceAll("-error$", ""), e.text()));
        return errors;
    }

    @Test
    void anAdminCreatesAMarketForAPageWhoseSettingsTurnTheMarketOn() {
        String pageSlug = Shop.unique("farm-shop");
        long page = shop.blogPage(pageSlug, true);
        String slug = Shop.unique("farm");
        Response created = asAdmin().formParam("page", pageSlug).formParam("title", "The farm shop")
                .formParam("slug", slug).formParam("description", "Veg boxes.").post("/admin/markets");
        assertThat(created.statusCode()).isEqualTo(303);
        MarketPageView market = markets.bySlug(slug).orElseThrow();
        assertThat(market.containerId()).isEqualTo(page);
        assertThat(created.header("Location")).endsWith("/admin/markets/" + market.id() + "?done=created");

        Document page1 = admin("/admin/markets/" + market.id() + "?done=created");
        assertThat(page1.select(".notice").text()).isEqualTo("Created.");
        assertThat(page1.select("h1").text()).isEqualTo("Market: The farm shop");
        assertThat(admin("/admin").select("table a").eachText()).contains("The farm shop");
        assertThat(given().get("/" + slug + "/").statusCode()).isEqualTo(200);

        // a second market for the same page is refused
        Response again = asAdmin().formParam("page", Long.toString(page)).formParam("title", "Another")
                .post("/admin/markets");
        assertThat(again.statusCode()).isEqualTo(422);
        assertThat(fieldErrors(again).get("m-page")).isEqualTo("“Page " + pageSlug + "” has a market already: “The farm shop”.");
    }

    @Test
    void aMarketIsRefusedForAPageWhoseSettingsKeepTheMarketOffOrForNoPage() {
        String off = Shop.unique("quiet-page");
        shop.blogPage(off, false);
        Response refused = asAdmin().formParam("page", off).formParam("title", "Shop").post("/admin/markets");
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(fieldErrors(refused).get("m-page")).isEqualTo("The market is off in the settings of “Page " + off
                + "”. Turn it on there first (blog admin: the page, then Settings).");
        // the form comes back with what was typed
        assertThat(Jsoup.parse(refused.body().asString()).select("#m-title").attr("value")).isEqualTo("Shop");

        Response noPage = asAdmin().formParam("page", "no-such-page").formParam("title", "").formParam("slug", "Bad Slug!")
                .post("/admin/markets");
        assertThat(noPage.statusCode()).isEqualTo(422);
        Map<String, String> errors = fieldErrors(noPage);
        assertThat(errors.get("m-page")).isEqualTo("There is no blog page “no-such-page”. Markets attach to pages, not posts.");
        assertThat(errors.get("m-title")).isEqualTo("Give the market a name.");
        assertThat(errors.get("m-slug")).startsWith("An address is lowercase letters and digits joined by hyphens");

        String on = Shop.unique("busy-page");
        shop.blogPage(on, true);
        Response reserved = asAdmin().formParam("page", on).formParam("title", "Admin").formParam("slug", "admin")
                .post("/admin/markets");
        assertThat(fieldErrors(reserved).get("m-slug")).isEqualTo("The address “admin” is used by the market service itself; choose another.");
    }

    @Test
    void anAdminRenamesAMarketAndItsLinksMove() {
        MarketPageView market = shop.openMarket();
        String slug = Shop.unique("renamed");
        Response saved = asAdmin().formParam("title", "Renamed market").formParam("slug", slug).formParam("description", "")
                .post("/admin/markets/" + market.id());
        assertThat(saved.statusCode()).isEqualTo(303);
        assertThat(given().get("/" + slug + "/").statusCode()).isEqualTo(200);
        assertThat(given().get(market.href()).statusCode()).isEqualTo(404);
        Response taken = asAdmin().formParam("title", "x").formParam("slug", shop.openMarket().slug())
                .post("/admin/markets/" + market.id());
        assertThat(taken.statusCode()).isEqualTo(422);
        assertThat(fieldErrors(taken).get("m-slug")).startsWith("Another market uses the address");
    }

    @Test
    void anAdminCreatesEditsWithdrawsAndOffersAgainAProduct() {
        MarketPageView market = shop.openMarket();
        Response created = asAdmin().formParam("market", market.id()).formParam("title", "Cider vinegar")
                .formParam("brand", "Hill Orchard").formParam("category", "Pantry").formParam("price", "3.5")
                .formParam("currency", "gbp").formParam("vat", "20").formParam("unit", "500 ml").formParam("stock", "7")
                .formParam("labels", "Organic,  vegan , organic").formParam("images", "https://img.example.org/v.jpg")
                .formParam("description", "<p>Raw <b>and</b> unfiltered.</p><script>alert(1)</script>")
                .post("/admin/products");
        assertThat(created.statusCode()).isEqualTo(303);
        long id = Long.parseLong(created.header("Location").replaceAll(".*/admin/products/(\\d+)\\?done=created$", "$1"));
        ProductRef product = products.byId(id).orElseThrow();
        assertThat(product.slug()).startsWith("cider-vinegar");

        Document form = admin("/admin/products/" + id);
        assertThat(form.select("#p-price").attr("value")).isEqualTo("3.50");
        assertThat(form.select("#p-currency").attr("value")).isEqualTo("GBP");
        assertThat(form.select("#p-vat").attr("value")).isEqualTo("20");
        assertThat(form.select("#p-labels").attr("value")).isEqualTo("organic, vegan");
        assertThat(form.select("#p-description").text()).isEqualTo("<p>Raw <b>and</b> unfiltered.</p>");

        Document page = Jsoup.parse(given().get(market.href() + "p/" + product.slug()).body().asString());
        assertThat(page.select(".product-vat").text()).isEqualTo("incl. 20 % VAT (£0.58)");
        assertThat(page.select(".tags .tag").eachText()).containsExactly("organic", "vegan");

        Response edited = asAdmin().formParam("title", "Apple cider vinegar").formParam("slug", product.slug())
                .formParam("price", "3.75").formParam("vat", "0").formParam("stock", "").post("/admin/products/" + id);
        assertThat(edited.statusCode()).isEqualTo(303);
        Document after = Jsoup.parse(given().get(market.href() + "p/" + product.slug()).body().asString());
        assertThat(after.select("h1").text()).isEqualTo("Apple cider vinegar");
        assertThat(after.select(".product-price .price").text()).isEqualTo("£3.75");
        assertThat(after.select(".stock")).isEmpty();

        assertThat(asAdmin().post("/admin/products/" + id + "/withdraw").statusCode()).isEqualTo(303);
        assertThat(admin("/admin/products/" + id + "?done=withdrawn").select(".notice").text()).startsWith("Withdrawn");
        assertThat(Jsoup.parse(given().get(market.href()).body().asString()).text()).doesNotContain("Apple cider vinegar");
        assertThat(Jsoup.parse(given().get(market.href() + "p/" + product.slug()).body().asString())
                .select(".withdrawn").text()).isEqualTo("This product is no longer available.");

        assertThat(asAdmin().post("/admin/products/" + id + "/offer").statusCode()).isEqualTo(303);
        assertThat(Jsoup.parse(given().get(market.href()).body().asString()).text()).contains("Apple cider vinegar");
    }

    @Test
    void aProductFormWithMistakesComesBackWithAMessageForEachField() {
        MarketPageView market = shop.openMarket();
        Response refused = asAdmin().formParam("market", market.id()).formParam("title", " ")
                .formParam("price", "£2").formParam("currency", "pounds").formParam("vat", "120")
                .formParam("stock", "-3").formParam("images", "javascript:alert(1)").formParam("slug", "Not a slug")
                .post("/admin/products");
        assertThat(refused.statusCode()).isEqualTo(422);
        Map<String, String> errors = fieldErrors(refused);
        assertThat(errors.get("p-title")).isEqualTo("Give the product a name.");
        assertThat(errors.get("p-price")).startsWith("A price is an amount such as 2 or 2.50");
        assertThat(errors.get("p-currency")).isEqualTo("A currency is its three-letter code, such as GBP or EUR.");
        assertThat(errors.get("p-vat")).isEqualTo("The VAT rate is a percentage from 0 to 100, such as 20 or 5.5.");
        assertThat(errors.get("p-stock")).startsWith("Stock is a whole number of units");
        assertThat(errors.get("p-images")).startsWith("Each image is a web address starting with https://");
        Document page = Jsoup.parse(refused.body().asString());
        assertThat(page.select("#p-price").attr("aria-invalid")).isEqualTo("true");
        assertThat(page.select("#p-price").attr("value")).isEqualTo("£2");
        assertThat(products.count(market.id())).isZero();

        ProductRef taken = shop.product(market, TestProduct.named("Taken").price("1"));
        Response clash = asAdmin().formParam("market", market.id()).formParam("title", "Other").formParam("price", "1")
                .formParam("slug", taken.slug()).post("/admin/products");
        assertThat(fieldErrors(clash).get("p-slug")).isEqualTo("Another product uses the address “" + taken.slug()
                + "”: “Taken”. Choose another.");
    }

    @Test
    void membersGet403AndVisitorsAreSentToSignIn() {
        MarketPageView market = shop.openMarket();
        ProductRef product = shop.product(market, TestProduct.named("Guarded").price("1"));
        for (String path : new String[] {"/admin", "/admin/markets/" + market.id(), "/admin/products/" + product.id(),
                "/admin/products/new?market=" + market.id()}) {
            assertThat(given().header(TestVisitors.HEADER, TestVisitors.MEMBER).get(path).statusCode()).as(path).isEqualTo(403);
            Response visitor = given().redirects().follow(false).get(path);
            assertThat(visitor.statusCode()).as(path).isEqualTo(303);
            assertThat(visitor.header("Location")).contains("/auth/login");
        }
        RequestSpecification member = Csrf.of("/", TestVisitors.MEMBER).post(TestVisitors.MEMBER);
        assertThat(member.post("/admin/products/" + product.id() + "/withdraw").statusCode()).isEqualTo(403);
        member = Csrf.of("/", TestVisitors.MEMBER).post(TestVisitors.MEMBER);
        assertThat(member.formParam("title", "Hijacked").formParam("price", "0").post("/admin/products/" + product.id())
                .statusCode()).isEqualTo(403);
        member = Csrf.of("/", TestVisitors.MEMBER).post(TestVisitors.MEMBER);
        assertThat(member.formParam("page", "x").formParam("title", "x").post("/admin/markets").statusCode()).isEqualTo(403);
        assertThat(products.byId(product.id()).orElseThrow().available()).isTrue();
        assertThat(products.byId(product.id()).orElseThrow().title()).isEqualTo("Guarded");
    }

    @Test
    void unknownMarketsAndProductsAreNotFoundForAdmins() {
        assertThat(given().header(TestVisitors.HEADER, TestVisitors.ADMIN).get("/admin/markets/987654321").statusCode())
                .isEqualTo(404);
        assertThat(given().header(TestVisitors.HEADER, TestVisitors.ADMIN).get("/admin/products/987654321").statusCode())
                .isEqualTo(404);
        assertThat(asAdmin().post("/admin/products/987654321/withdraw").statusCode()).isEqualTo(404);
    }
}
