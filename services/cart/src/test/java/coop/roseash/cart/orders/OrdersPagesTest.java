package coop.roseash.cart.orders;

import coop.roseash.cart.support.CartTestBase;
import coop.roseash.cart.support.Catalogue;
import coop.roseash.cart.support.CartTestResource;
import coop.roseash.cart.support.SumUpStub;
import coop.roseash.cart.support.TestVisitors;
import coop.roseash.devinfra.PlatformTestResource;
import coop.roseash.shared.contracts.Identity;
import coop.roseash.shared.model.cart.OrderStatus;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;

/** Members see their own orders only; the payments admin is for admins and re-checks a payment with SumUp. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
@WithTestResource(CartTestResource.class)
class OrdersPagesTest extends CartTestBase {

    @AfterEach
    void sumUpBackToNormal() {
        SumUpStub.reset();
    }

    private OrderRow placeOrder(long member) {
        long page = Catalogue.newPage();
        carts.add(Identity.member(member), "product", catalogue().product(page, "Tea", 450, null), 2);
        checkout(member, page).then().statusCode(303);
        return orders(member).get(0);
    }

    @Test
    void aMemberSeesTheirOrdersAndNobodyElses() {
        long member = newMember();
        long other = newMember();
        OrderRow mine = placeOrder(member);

        given().header(TestVisitors.HEADER, TestVisitors.member(member)).get("/orders").then().statusCode(200)
                .body(containsString("Order " + mine.id()), containsString("Waiting for payment"), containsString("£9.00"));
        Document detail = Jsoup.parse(given().header(TestVisitors.HEADER, TestVisitors.member(member))
                .get("/orders/" + mine.id()).then().statusCode(200).extract().asString());
        assertThat(detail.select("main .order-lines tbody td").eachText()).containsExactly("Tea", "2", "£4.50", "£9.00");
        assertThat(detail.select("main a.button").text()).isEqualTo("Pay now");

        given().header(TestVisitors.HEADER, TestVisitors.member(other)).get("/orders").then().statusCode(200)
                .body(not(containsString("Order " + mine.id())));
        given().header(TestVisitors.HEADER, TestVisitors.member(other)).get("/orders/" + mine.id()).then().statusCode(404);
        given().redirects().follow(false).header(TestVisitors.HEADER, TestVisitors.member(other))
                .get("/orders/" + mine.id() + "/return").then().statusCode(404);
        given().header(TestVisitors.HEADER, TestVisitors.member(member)).get("/orders/x").then().statusCode(404);
        given().redirects().follow(false).get("/orders").then().statusCode(303).header("Location", containsString("/auth/login"));
        SumUpStub.server().verify(0, com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching("/v0.1/checkouts/.*")));
    }

    @Test
    void theReturnPageAsksSumUpAndShowsThePaidOrder() {
        long member = newMember();
        OrderRow order = placeOrder(member);
        SumUpStub.checkoutIs(order.reference(), "PAID", new BigDecimal("9.00"), "GBP");

        given().redirects().follow(false).header(TestVisitors.HEADER, TestVisitors.member(member))
                .get("/orders/" + order.id() + "/return").then().statusCode(303)
                .header("Location", endsWith("/orders/" + order.id()));
        assertThat(order(order.id()).status()).isEqualTo(OrderStatus.PAID);
        Document page = Jsoup.parse(given().header(TestVisitors.HEADER, TestVisitors.member(member))
                .get("/orders/" + order.id()).then().statusCode(200).extract().asString());
        assertThat(page.select("main .order [role=status]").text()).startsWith("Paid");
        assertThat(page.select("main a.button")).isEmpty(); // no "Pay now" once paid
    }

    @Test
    void thePaymentsAdminIsForAdminsAndRechecksWithSumUp() {
        long member = newMember();
        OrderRow order = placeOrder(member);

        given().redirects().follow(false).get("/admin/payments").then().statusCode(303);
        given().header(TestVisitors.HEADER, TestVisitors.member(member)).get("/admin/payments").then().statusCode(403);
        given().header(TestVisitors.HEADER, TestVisitors.member(member)).contentType("application/x-www-form-urlencoded")
                .post("/admin/payments/" + order.id() + "/recheck").then().statusCode(403);
        given().header(TestVisitors.HEADER, TestVisitors.admin(1)).get("/admin/payments").then().statusCode(200)
                .body(containsString("Order " + order.id()), containsString("member" + member + "@example.org"));

        SumUpStub.checkoutIs(order.reference(), "PAID", new BigDecimal("9.00"), "GBP");
        given().redirects().follow(false).header(TestVisitors.HEADER, TestVisitors.admin(1))
                .contentType("application/x-www-form-urlencoded").post("/admin/payments/" + order.id() + "/recheck")
                .then().statusCode(303).header("Location", endsWith("/admin/payments/" + order.id() + "?checked=CONFIRMED"));
        assertThat(order(order.id()).status()).isEqualTo(OrderStatus.PAID);
        given().header(TestVisitors.HEADER, TestVisitors.admin(1)).get("/admin/payments/" + order.id() + "?checked=CONFIRMED")
                .then().statusCode(200).body(containsString("Checked against SumUp: confirmed"), containsString("Paid"));
        given().header(TestVisitors.HEADER, TestVisitors.admin(1)).get("/admin/payments/987654321").then().statusCode(404);
    }
}
