package coop.roseash.cart.checkout;

import com.github.tomakehurst.wiremock.client.WireMock;
import coop.roseash.cart.support.CartTestBase;
import coop.roseash.cart.support.CartTestResource;
import coop.roseash.cart.support.SumUpStub;
import coop.roseash.cart.support.TestPageSettings;
import coop.roseash.devinfra.PlatformTestResource;
import coop.roseash.shared.contracts.Identity;
import coop.roseash.shared.model.cart.OrderStatus;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

/** Checkout: the order at today's prices, reserved stock, a SumUp hosted checkout; and each way it is refused. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
@WithTestResource(CartTestResource.class)
class CheckoutTest extends CartTestBase {

    @AfterEach
    void sumUpBackToNormal() {
        SumUpStub.reset();
    }

    @Test
    void placesTheOrderAtTodaysPricesReservesStockAndSendsTheMemberToSumUp() {
        long page = newPage();
        long member = newMember();
        long tea = catalogue().product(page, "Tea", 450, 10);
        long honey = catalogue().product(page, "Honey", 700, null);
        carts.add(Identity.member(member), "product", tea, 2);
        carts.add(Identity.member(member), "product", honey, 1);
        catalogue().setPrice(tea, 500); // the price went up after the member added it

        String location = checkout(member, page).then().statusCode(303).extract().header("Location");

        OrderRow order = orders(member).get(0);
        assertThat(order.status()).isEqualTo(OrderStatus.PENDING);
        assertThat(order.amountCents()).isEqualTo(2 * 500 + 700);
        assertThat(order.checkoutId()).isEqualTo(SumUpStub.checkoutId(order.reference()));
        assertThat(location).isEqualTo(SumUpStub.server().baseUrl() + "/pay/" + order.checkoutId());
        assertThat(catalogue().stock(tea)).isEqualTo(8);
        SumUpStub.server().verify(1, postRequestedFor(urlPathEqualTo("/v0.1/checkouts"))
                .withHeader("Authorization", equalTo("Bearer " + TestPageSettings.API_KEY))
                .withRequestBody(matchingJsonPath("$.checkout_reference", equalTo(order.reference())))
                .withRequestBody(matchingJsonPath("$[?(@.amount == 17)]"))
                .withRequestBody(matchingJsonPath("$.currency", equalTo("GBP")))
                .withRequestBody(matchingJsonPath("$.merchant_code", equalTo(TestPageSettings.MERCHANT)))
                .withRequestBody(matchingJsonPath("$.hosted_checkout.enabled", equalTo("true")))
                .withRequestBody(matchingJsonPath("$.redirect_url", WireMock.containing("/orders/" + order.id() + "/return")))
                .withRequestBody(matchingJsonPath("$.return_url", WireMock.containing("/sumup/webhook"))));
        // the lines stay in the cart until the order is paid
        assertThat(units(Identity.member(member))).isEqualTo(3);
    }

    @Test
    void anEmptyCartIsRefusedAndNoOrderIsMade() {
        long member = newMember();
        checkout(member, newPage()).then().statusCode(409).body(containsString("Your cart on this page is empty"));
        assertThat(orders(member)).isEmpty();
        SumUpStub.server().verify(0, postRequestedFor(urlPathEqualTo("/v0.1/checkouts")));
    }

    @Test
    void aWithdrawnProductOrTooLittleStockIsRefusedAndNothingChanges() {
        long page = newPage();
        long member = newMember();
        long jam = catalogue().product(page, "Jam", 300, 5);
        long bread = catalogue().product(page, "Bread", 250, null);
        carts.add(Identity.member(member), "product", jam, 4);
        carts.add(Identity.member(member), "product", bread, 1);

        catalogue().withdraw(bread);
        checkout(member, page).then().statusCode(409).body(containsString("“Bread” is no longer available"));

        long otherPage = newPage();
        long soap = catalogue().product(otherPage, "Soap", 300, 5);
        carts.add(Identity.member(member), "product", soap, 5);
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() ->
                em.createNativeQuery("UPDATE products SET stock = 2 WHERE id = ?1").setParameter(1, soap).executeUpdate());
        checkout(member, otherPage).then().statusCode(409).body(containsString("Only 2 of “Soap” left"));

        assertThat(orders(member)).isEmpty();
        assertThat(catalogue().stock(jam)).isEqualTo(5);
        assertThat(catalogue().stock(soap)).isEqualTo(2);
        assertThat(units(Identity.member(member))).isEqualTo(10);
    }

    @Test
    void whenSumUpIsDownTheMemberKeepsTheCartAndTheStockIsGivenBack() {
        long page = newPage();
        long member = newMember();
        long tea = catalogue().product(page, "Tea", 450, 10);
        carts.add(Identity.member(member), "product", tea, 3);
        SumUpStub.down();

        checkout(member, page).then().statusCode(503).body(containsString("payment service cannot be reached"));

        assertThat(orders(member)).singleElement().extracting(OrderRow::status).isEqualTo(OrderStatus.CANCELLED);
        assertThat(catalogue().stock(tea)).isEqualTo(10);
        assertThat(units(Identity.member(member))).isEqualTo(3);
    }

    @Test
    void aDuplicateReferenceAtSumUpContinuesWithTheCheckoutAlreadyThere() {
        long page = newPage();
        long member = newMember();
        long tea = catalogue().product(page, "Tea", 450, null);
        carts.add(Identity.member(member), "product", tea, 1);
        // SumUp answers 409 to any creation: the reference is already known there
        SumUpStub.server().stubFor(WireMock.post(urlPathEqualTo("/v0.1/checkouts")).atPriority(1)
                .willReturn(WireMock.aResponse().withStatus(409).withHeader("Content-Type", "application/json")
                        .withBody("{\"error_code\":\"DUPLICATED_CHECKOUT\"}")));
        SumUpStub.server().stubFor(WireMock.get(urlPathEqualTo("/v0.1/checkouts")).willReturn(WireMock.okJson("""
                [{"id":"chk-{{request.query.checkout_reference}}","checkout_reference":"{{request.query.checkout_reference}}",
                  "status":"PENDING","amount":4.5,"currency":"GBP",
                  "hosted_checkout_url":"%s/pay/chk-{{request.query.checkout_reference}}"}]"""
                .formatted(SumUpStub.server().baseUrl()))));

        String location = checkout(member, page).then().statusCode(303).extract().header("Location");

        OrderRow order = orders(member).get(0);
        assertThat(order.status()).isEqualTo(OrderStatus.PENDING);
        assertThat(order.checkoutId()).isEqualTo(SumUpStub.checkoutId(order.reference()));
        assertThat(location).endsWith("/pay/" + order.checkoutId());
    }

    @Test
    void aPageThatTakesNoPaymentsRefusesCheckoutAndChangesNothing() {
        long member = newMember();
        long tea = catalogue().product(TestPageSettings.NO_PAYMENTS, "Tea", 450, 4);
        carts.add(Identity.member(member), "product", tea, 1);

        checkout(member, TestPageSettings.NO_PAYMENTS).then().statusCode(409)
                .body(containsString("This page does not take payments yet"));

        assertThat(orders(member)).isEmpty();
        assertThat(catalogue().stock(tea)).isEqualTo(4);
    }

    @Test
    void visitorsWhoAreNotSignedInAreSentToSignIn() {
        io.restassured.RestAssured.given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("container_type", "page").formParam("container_id", 1).post("/checkout")
                .then().statusCode(303).header("Location", containsString("/auth/login"));
    }

    private static long newPage() {
        return coop.roseash.cart.support.Catalogue.newPage();
    }
}
