package coop.roseash.cart.lines;

import coop.roseash.cart.support.CartTestBase;
import coop.roseash.cart.support.Catalogue;
import coop.roseash.cart.support.CartTestResource;

import coop.roseash.cart.support.TestVisitors;
import coop.roseash.devinfra.PlatformTestResource;
import coop.roseash.shared.contracts.Identity;
import coop.roseash.shared.contracts.cart.CartRefusal;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;

/** The cart page: lines at today's titles and prices, changing and removing them, and bad input changing nothing. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
@WithTestResource(CartTestResource.class)
class CartLinesPageTest extends CartTestBase {

    private static RequestSpecification as(String visitor) {
        return given().redirects().follow(false).header(TestVisitors.HEADER, visitor)
                .contentType("application/x-www-form-urlencoded");
    }

    @Test
    void showsEachPagesCartWithTodaysTitlesAndPrices() {
        long page = Catalogue.newPage();
        String device = "device-" + UUID.randomUUID();
        long tea = catalogue().product(page, "Tea <Assam>", 450, null);
        carts.add(Identity.device(device), "product", tea, 2);
        catalogue().setPrice(tea, 475);

        Document cart = Jsoup.parse(as(TestVisitors.device(device)).get("/").then().statusCode(200).extract().asString());

        assertThat(cart.select("h1").text()).isEqualTo("Your cart");
        assertThat(cart.select("tr.cart-line td").eachText()).startsWith("Tea <Assam>", "£4.75");
        assertThat(cart.select("tr.cart-line").html()).contains("Tea &lt;Assam&gt;");
        assertThat(cart.select(".cart-total").text()).isEqualTo("Total: £9.50");
        assertThat(cart.select("form[action=/checkout] input[name=_csrf]")).hasSize(1);
    }

    @Test
    void headsEachPagesCartWithTheBlogPagesTitle() {
        long orchard = catalogue().blogPage("Orchard <Co-op>");
        long gone = Catalogue.newPage(); // no blog page (any more): its lines still need a heading
        String device = "device-" + UUID.randomUUID();
        carts.add(Identity.device(device), "product", catalogue().product(orchard, "Cider", 450, null), 1);
        carts.add(Identity.device(device), "product", catalogue().product(gone, "Perry", 500, null), 1);

        Document cart = Jsoup.parse(as(TestVisitors.device(device)).get("/").then().statusCode(200).extract().asString());

        assertThat(cart.select("section.cart-page h2").eachText()).containsExactly("Orchard <Co-op>", "Shop of page " + gone);
        assertThat(cart.select("section.cart-page h2").first().html()).isEqualTo("Orchard &lt;Co-op&gt;");
    }

    @Test
    void changesAndRemovesLinesThenRedirectsBackToTheCart() {
        long page = Catalogue.newPage();
        long member = newMember();
        long tea = catalogue().product(page, "Tea", 450, null);
        long honey = catalogue().product(page, "Honey", 700, null);
        long teaLine = carts.add(Identity.member(member), "product", tea, 1).lineId();
        long honeyLine = carts.add(Identity.member(member), "product", honey, 1).lineId();

        as(TestVisitors.member(member)).formParam("quantity", "5").post("/lines/" + teaLine + "/quantity")
                .then().statusCode(303).header("Location", containsString("/"));
        as(TestVisitors.member(member)).post("/lines/" + honeyLine + "/remove").then().statusCode(303);

        assertThat(lines(Identity.member(member))).singleElement()
                .satisfies(l -> assertThat(l.quantity).isEqualTo(5)).extracting(l -> l.itemId).isEqualTo(tea);
    }

    @Test
    void anEngineRequestGetsTheCartAreaAndTheMiniCartOutOfBand() {
        long page = Catalogue.newPage();
        long member = newMember();
        long line = carts.add(Identity.member(member), "product", catalogue().product(page, "Tea", 450, null), 1).lineId();

        as(TestVisitors.member(member)).header("SX-Request", "true").formParam("quantity", "3")
                .post("/lines/" + line + "/quantity").then().statusCode(200)
                .contentType(containsString("text/sx"))
                .body(containsString("cart-area"), containsString("Quantity updated."),
                        // the mini cart, as markup or as a call the client expands, marked out of band, counting 3
                        matchesPattern("(?s).*cart-mini.*(:oob true|:sx-swap-oob \"true\").*"),
                        matchesPattern("(?s).*(:count 3|\"cart-mini-count\" 3).*"));
    }

    @Test
    void badQuantitiesAreRefusedWithAMessageAndChangeNothing() {
        long page = Catalogue.newPage();
        long member = newMember();
        long line = carts.add(Identity.member(member), "product", catalogue().product(page, "Tea", 450, 10), 2).lineId();

        for (String bad : new String[] {"0", "-1", "1000", "abc", ""}) {
            as(TestVisitors.member(member)).formParam("quantity", bad).post("/lines/" + line + "/quantity")
                    .then().statusCode(400).body(containsString("Choose a quantity from 1 to 99"));
        }
        as(TestVisitors.member(member)).formParam("quantity", "11").post("/lines/" + line + "/quantity")
                .then().statusCode(409).body(containsString("Only 10 of “Tea” left"));
        // the engine gets 422, which it swaps, with the message
        as(TestVisitors.member(member)).header("SX-Request", "true").formParam("quantity", "0")
                .post("/lines/" + line + "/quantity").then().statusCode(422).body(containsString("Choose a quantity"));

        assertThat(units(Identity.member(member))).isEqualTo(2);
    }

    @Test
    void anotherMembersOrDevicesLineIsNotFoundAndStaysAsItWas() {
        long page = Catalogue.newPage();
        long owner = newMember();
        String device = "device-" + UUID.randomUUID();
        long product = catalogue().product(page, "Tea", 450, null);
        long line = carts.add(Identity.member(owner), "product", product, 2).lineId();
        long deviceLine = carts.add(Identity.device(device), "product", product, 1).lineId();

        as(TestVisitors.member(newMember())).formParam("quantity", "5").post("/lines/" + line + "/quantity")
                .then().statusCode(404).body(containsString("That line is not in your cart"));
        as(TestVisitors.member(newMember())).post("/lines/" + line + "/remove").then().statusCode(404);
        as(TestVisitors.device("device-" + UUID.randomUUID())).post("/lines/" + deviceLine + "/remove").then().statusCode(404);
        as(TestVisitors.member(owner)).post("/lines/" + deviceLine + "/remove").then().statusCode(404);
        as(TestVisitors.member(owner)).post("/lines/not-a-number/remove").then().statusCode(404);

        assertThat(units(Identity.member(owner))).isEqualTo(2);
        assertThat(units(Identity.device(device))).isEqualTo(1);
    }

    @Test
    void addingAnUnknownOrWithdrawnProductOrABadQuantityIsRefused() {
        long page = Catalogue.newPage();
        long member = newMember();
        long tea = catalogue().product(page, "Tea", 450, null);
        catalogue().withdraw(tea);

        assertThatThrownBy(() -> carts.add(Identity.member(member), "product", 987_654_321_987L, 1))
                .isInstanceOfSatisfying(CartRefusal.class, e -> assertThat(e.status()).isEqualTo(404));
        assertThatThrownBy(() -> carts.add(Identity.member(member), "product", tea, 1))
                .isInstanceOfSatisfying(CartRefusal.class, e -> assertThat(e.status()).isEqualTo(409));
        long coffee = catalogue().product(page, "Coffee", 450, null);
        for (int bad : new int[] {0, -1, 1000}) {
            assertThatThrownBy(() -> carts.add(Identity.member(member), "product", coffee, bad))
                    .isInstanceOfSatisfying(CartRefusal.class, e -> assertThat(e.status()).isEqualTo(400));
        }
        assertThat(units(Identity.member(member))).isZero();
    }
}
