package coop.roseash.market.cart;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import coop.roseash.market.page.MarketPageView;
import coop.roseash.market.product.ProductRef;
import coop.roseash.market.support.Csrf;
import coop.roseash.market.support.MarketTestResource;
import coop.roseash.market.support.Shop;
import coop.roseash.market.support.TestProduct;
import coop.roseash.market.support.TestVisitors;
import coop.roseash.shared.contracts.Identity;
import coop.roseash.shared.contracts.cart.Carts;
import coop.roseash.sx.SxEngine;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Adding to the cart from a market page or a product page: an engine request answers with a confirmation and the
 * header's new mini cart out of band; a plain post comes back with a message; every refusal changes nothing.
 */
@QuarkusTest
@WithTestResource(MarketTestResource.class)
class AddToCartTest {

    @Inject
    Shop shop;
    @Inject
    Carts carts;
    @Inject
    SxEngine sx;

    private MarketPageView market;
    private ProductRef oats;
    private String device;
    private String visitor;

    @BeforeEach
    void aVisitorOnAMarket() {
        market = shop.openMarket();
        oats = shop.product(market, TestProduct.named("Rolled oats").price("2.10"));
        device = "device-" + UUID.randomUUID();
        visitor = TestVisitors.device(device);
    }

    private Response add(String who, Object product, String quantity, String back, boolean engine) {
        Csrf csrf = Csrf.of(market.href(), who);
        var request = csrf.post(who).formParam("product", product).formParam("back", back);
        if (quantity != null) {
            request = request.formParam("quantity", quantity);
        }
        if (engine) {
            request = request.header("SX-Request", "true");
        }
        return request.post(market.href() + "cart");
    }

    private long count(Identity who) {
        return carts.itemCount(who);
    }

    @Test
    void anEngineRequestConfirmsAndRefreshesTheHeadersMiniCartOutOfBand() {
        Response first = add(visitor, oats.id(), "2", market.href(), true);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.contentType()).startsWith("text/sx");
        Document swapped = rendered(first);
        assertThat(swapped.select(".cart-added").text()).startsWith("Added 2 × Rolled oats. Your cart holds 2 items.");
        Element oob = swapped.selectFirst("#site-cart[sx-swap-oob]");
        assertThat(oob).isNotNull();
        assertThat(oob.attr("sx-swap-oob")).isEqualTo("innerHTML");
        assertThat(oob.select(".cart-mini-count").text()).isEqualTo("2");

        // the next add: the mini cart is cart's new rendering, not the copy cached by the first
        Response second = add(visitor, oats.id(), "1", market.href(), true);
        assertThat(rendered(second).select("#site-cart .cart-mini-count").text()).isEqualTo("3");
        assertThat(count(Identity.device(device))).isEqualTo(3);
        // and every page's header now shows it too
        Document page = Jsoup.parse(given().header(TestVisitors.HEADER, visitor).get(market.href()).body().asString());
        assertThat(page.select("#site-cart .cart-mini-count").text()).isEqualTo("3");
    }

    /** The engine response as sx.js renders it: the SX wire form rendered by the same kernel, to HTML. */
    private Document rendered(Response response) {
        return Jsoup.parseBodyFragment(sx.renderSource(response.body().asString(), null));
    }

    @Test
    void aPlainFormPostGoesBackWhereItCameFromAndSaysWhatWasAdded() {
        String back = market.href() + "?sort=price-asc&added=1-1";
        Response response = add(visitor, oats.id(), null, back, false);
        assertThat(response.statusCode()).isEqualTo(303);
        String location = response.header("Location");
        assertThat(location).endsWith(market.href() + "?sort=price-asc&added=" + oats.id() + "-1");
        assertThat(count(Identity.device(device))).isEqualTo(1);

        Document page = Jsoup.parse(given().urlEncodingEnabled(false).header(TestVisitors.HEADER, visitor)
                .get(location.substring(location.indexOf(market.href()))).body().asString());
        assertThat(page.select(".notice").text()).startsWith("Added to your cart: 1 × Rolled oats.");
        assertThat(page.select("#f-sort option[selected]").attr("value")).isEqualTo("price-asc");
    }

    @Test
    void fromAProductPageItGoesBackToTheProductPage() {
        String productPage = market.href() + "p/" + oats.slug();
        Response response = add(visitor, oats.id(), "3", productPage, false);
        assertThat(response.header("Location")).endsWith(productPage + "?added=" + oats.id() + "-3");
        Document page = Jsoup.parse(given().urlEncodingEnabled(false).header(TestVisitors.HEADER, visitor)
                .get(productPage + "?added=" + oats.id() + "-3").body().asString());
        assertThat(page.select(".notice").text()).startsWith("Added to your cart: 3 × Rolled oats.");
    }

    @Test
    void aBackAddressOutsideThisMarketIsNotFollowed() {
        for (String back : new String[] {"https://evil.example/", "//evil.example/", "/admin", "/\\evil.example",
                market.href() + "//evil.example"}) {
            Response response = add(visitor, oats.id(), "1", back, false);
            assertThat(response.header("Location")).as(back).endsWith(market.href() + "?added=" + oats.id() + "-1");
        }
    }

    @Test
    void aMembersAddGoesToTheMembersCart() {
        long member = 700_000 + (long) (Math.random() * 1_000_000);
        Response response = add(TestVisitors.member(member), oats.id(), "4", market.href(), true);
        assertThat(rendered(response).select("#site-cart .cart-mini-count").text()).isEqualTo("4");
        assertThat(count(Identity.member(member))).isEqualTo(4);
    }

    @Test
    void refusalsGiveTheirStatusAndMessageAndChangeNothing() {
        ProductRef gone = shop.product(market, TestProduct.named("Old biscuits").price("1.20"));
        shop.withdraw(gone);
        ProductRef elsewhere = shop.product(shop.openMarket(), TestProduct.named("Elsewhere").price("1"));
        add(visitor, oats.id(), "1", market.href(), false);

        assertRefused(oats.id(), "0", 400, "Choose a quantity from 1 to 99.");
        assertRefused(oats.id(), "-1", 400, "Choose a quantity from 1 to 99.");
        assertRefused(oats.id(), "1000", 400, "Choose a quantity from 1 to 99.");
        assertRefused(oats.id(), "99", 400, "a line holds at most 99");
        assertRefused(oats.id(), "two", 400, "Choose a quantity from 1 to 99.");
        assertRefused(oats.id(), "99999999999999", 400, "Choose a quantity from 1 to 99.");
        assertRefused(987_654_321L, "1", 404, "That product is not in this market.");
        assertRefused("oats", "1", 404, "That product is not in this market.");
        assertRefused(elsewhere.id(), "1", 404, "That product is not in this market.");
        assertRefused(gone.id(), "1", 409, "“Old biscuits” is no longer available.");
        assertThat(count(Identity.device(device))).isEqualTo(1);
    }

    private void assertRefused(Object product, String quantity, int status, String message) {
        Response plain = add(visitor, product, quantity, market.href(), false);
        assertThat(plain.statusCode()).as(product + " × " + quantity).isEqualTo(status);
        Document page = Jsoup.parse(plain.body().asString());
        assertThat(page.select("h1").text()).isEqualTo("Not added to your cart");
        assertThat(page.select("main .error").text()).as(product + " × " + quantity).contains(message);
        assertThat(page.select("main a:containsOwn(Back to the market)").attr("href")).isEqualTo(market.href());

        // sx.js shows only 2xx and 422 (PROTOCOL.md §3): the reason goes to the form's status line, with no mini cart
        Response engine = add(visitor, product, quantity, market.href(), true);
        assertThat(engine.statusCode()).isEqualTo(422);
        Document swapped = rendered(engine);
        assertThat(swapped.select(".cart-refused").text()).contains(message);
        assertThat(swapped.select("#site-cart")).isEmpty();
    }

    @Test
    void aStockedProductCannotBeAddedBeyondItsStock() {
        ProductRef honey = shop.product(market, TestProduct.named("Honey").price("6.50").stock("3"));
        assertThat(add(visitor, honey.id(), "2", market.href(), false).statusCode()).isEqualTo(303);
        Response more = add(visitor, honey.id(), "2", market.href(), false);
        assertThat(more.statusCode()).isEqualTo(409);
        assertThat(Jsoup.parse(more.body().asString()).select("main .error").text()).isEqualTo("Only 3 of “Honey” left.");
        assertThat(count(Identity.device(device))).isEqualTo(2);
    }

    @Test
    void aVisitorWithoutADeviceIdHasNoCartToAddTo() {
        Response response = add(null, oats.id(), "1", market.href(), false);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(response.body().asString()).select("main .error").text())
                .contains("Your browser has no cart yet");
    }

    @Test
    void withoutItsTokenNothingIsAdded() {
        Response response = given().header(TestVisitors.HEADER, visitor).header("Origin", "http://evil.example")
                .formParam("product", oats.id()).formParam("quantity", "1").post(market.href() + "cart");
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(count(Identity.device(device))).isZero();
    }

    @Test
    void aClosedMarketSellsNothing() {
        Csrf csrf = Csrf.of(market.href(), visitor);
        shop.close(market);
        Response response = csrf.post(visitor).formParam("product", oats.id()).post(market.href() + "cart");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(count(Identity.device(device))).isZero();
    }
}
