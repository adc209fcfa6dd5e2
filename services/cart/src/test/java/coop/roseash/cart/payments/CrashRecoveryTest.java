package coop.roseash.cart.payments;

import com.github.tomakehurst.wiremock.client.WireMock;
import coop.roseash.cart.checkout.OrderPlacement;
import coop.roseash.cart.checkout.PlacedOrder;
import coop.roseash.cart.support.CartTestBase;
import coop.roseash.cart.support.Catalogue;
import coop.roseash.cart.support.Mailbox;
import coop.roseash.cart.support.CartTestResource;
import coop.roseash.cart.support.SumUpStub;
import coop.roseash.cart.support.TestPageSettings;
import coop.roseash.devinfra.PlatformTestResource;
import coop.roseash.shared.contracts.Identity;
import coop.roseash.shared.model.cart.Order;
import coop.roseash.shared.model.cart.OrderStatus;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;


import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service stopped right after placing an order, before it could store SumUp's checkout id (or before SumUp heard
 * of it at all): the job finds the checkout by the order's reference and confirms it, or gives the order up and its
 * stock back once SumUp has never heard of it for long enough.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
@WithTestResource(CartTestResource.class)
class CrashRecoveryTest extends CartTestBase {

    @Inject
    OrderPlacement placement;

    @Inject
    ReconciliationJob job;

    @AfterEach
    void sumUpBackToNormal() {
        SumUpStub.reset();
    }

    /** What survives a crash between placing the order and SumUp's answer: the order, pending, without checkout id. */
    private PlacedOrder placedThenCrashed(long member, long page, long product) {
        carts.add(Identity.member(member), "product", product, 2);
        return placement.place(Identity.member(member), "member" + member + "@example.org", "page", page,
                TestPageSettings.MERCHANT);
    }

    @Test
    void aCheckoutSumUpCreatedBeforeTheCrashIsFoundByReferenceAndConfirmed() {
        long page = Catalogue.newPage();
        long member = newMember();
        PlacedOrder order = placedThenCrashed(member, page, catalogue().product(page, "Tea", 450, 10));
        String id = SumUpStub.checkoutId(order.checkoutReference());
        SumUpStub.server().stubFor(WireMock.get(urlPathEqualTo("/v0.1/checkouts"))
                .withQueryParam("checkout_reference", equalTo(order.checkoutReference()))
                .willReturn(WireMock.okJson("""
                        [{"id":"%s","checkout_reference":"%s","status":"PAID","amount":9.00,"currency":"GBP"}]"""
                        .formatted(id, order.checkoutReference()))));

        job.reconcileDue();

        OrderRow after = order(order.id());
        assertThat(after.status()).isEqualTo(OrderStatus.PAID);
        assertThat(after.checkoutId()).isEqualTo(id);
        assertThat(Mailbox.confirmationsOf(order.id())).hasSize(1);
        assertThat(units(Identity.member(member))).isZero();
    }

    @Test
    void anOrderSumUpNeverHeardOfIsGivenUpAfterAWhileAndItsStockReturned() {
        long page = Catalogue.newPage();
        long member = newMember();
        long tea = catalogue().product(page, "Tea", 450, 10);
        PlacedOrder order = placedThenCrashed(member, page, tea);
        SumUpStub.server().stubFor(WireMock.get(urlPathEqualTo("/v0.1/checkouts")).willReturn(WireMock.okJson("[]")));

        job.reconcileDue();
        assertThat(order(order.id()).status()).isEqualTo(OrderStatus.PENDING); // too early to give up
        assertThat(catalogue().stock(tea)).isEqualTo(8);

        DueOrders.placedHoursAgo(order.id(), 3);
        job.reconcileDue();

        assertThat(order(order.id()).status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(catalogue().stock(tea)).isEqualTo(10);
        assertThat(units(Identity.member(member))).isEqualTo(2);
        assertThat(QuarkusTransaction.requiringNew().call(() -> Order.<Order>findById(order.id()).failureReason))
                .contains("no SumUp checkout");
    }

    /** Two units of {@code product} checked out by {@code member}: the order, its SumUp checkout still PENDING. */
    private OrderRow checkedOutUnpaid(long member, long page, long product) {
        carts.add(Identity.member(member), "product", product, 2);
        checkout(member, page).then().statusCode(303);
        OrderRow order = orders(member).get(0);
        SumUpStub.checkoutIs(order.reference(), "PENDING", new java.math.BigDecimal("9.00"), "GBP");
        return order;
    }

    @Test
    void anOrderLeftUnpaidExpiresAndAPaymentAfterThatIsFlaggedNotConfirmed() {
        long page = Catalogue.newPage();
        long member = newMember();
        long tea = catalogue().product(page, "Tea", 450, 10);
        OrderRow order = checkedOutUnpaid(member, page, tea);
        DueOrders.placedHoursAgo(order.id(), 3);

        job.reconcileDue();

        assertThat(order(order.id()).status()).isEqualTo(OrderStatus.EXPIRED);
        assertThat(catalogue().stock(tea)).isEqualTo(10);
        assertThat(units(Identity.member(member))).isEqualTo(2);
        // its hosted page is deactivated at SumUp, once: a later run leaves a closed order alone
        assertThat(SumUpStub.deactivations(order.reference())).isEqualTo(1);
        job.reconcileDue();
        assertThat(SumUpStub.deactivations(order.reference())).isEqualTo(1);

        // the member paid on a page left open anyway: flagged for an admin, never confirmed, no stock taken twice
        SumUpStub.checkoutIs(order.reference(), "PAID", new java.math.BigDecimal("9.00"), "GBP");
        io.restassured.RestAssured.given().contentType("application/json").body(
                        "{\"event_type\":\"CHECKOUT_STATUS_CHANGED\",\"id\":\"" + order.checkoutId() + "\"}")
                .post("/sumup/webhook").then().statusCode(204);

        OrderRow after = order(order.id());
        assertThat(after.status()).isEqualTo(OrderStatus.EXPIRED);
        assertThat(after.needsAttention()).isTrue();
        assertThat(Mailbox.confirmationsOf(order.id())).isEmpty();
        assertThat(catalogue().stock(tea)).isEqualTo(10);
    }

    @Test
    void anOrderStillPendingIsNotDeactivatedAndOneSumUpRefusesToDeactivateExpiresAllTheSame() {
        long page = Catalogue.newPage();
        long member = newMember();
        long tea = catalogue().product(page, "Tea", 450, 10);
        OrderRow order = checkedOutUnpaid(member, page, tea);
        DueOrders.dueNow(order.id());

        job.reconcileDue();
        assertThat(order(order.id()).status()).isEqualTo(OrderStatus.PENDING);
        assertThat(SumUpStub.deactivations(order.reference())).isZero();

        SumUpStub.refuseDeactivation(order.reference());
        DueOrders.placedHoursAgo(order.id(), 3);
        job.reconcileDue();

        assertThat(SumUpStub.deactivations(order.reference())).isEqualTo(1);
        assertThat(order(order.id()).status()).isEqualTo(OrderStatus.EXPIRED);
        assertThat(catalogue().stock(tea)).isEqualTo(10);
    }
}
