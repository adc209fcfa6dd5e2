package coop.roseash.cart.payments;

import coop.roseash.cart.support.CartTestBase;
import coop.roseash.cart.support.Catalogue;
import coop.roseash.cart.support.Mailbox;
import coop.roseash.cart.support.CartTestResource;
import coop.roseash.cart.support.SumUpStub;
import coop.roseash.cart.support.TestVisitors;
import coop.roseash.devinfra.PlatformTestResource;
import coop.roseash.shared.contracts.Identity;
import coop.roseash.shared.model.cart.OrderStatus;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Payment hints (SumUp's webhook, the return page, the job, an admin's re-check) only make the cart ask SumUp; what
 * SumUp answers decides, and a paid order is confirmed exactly once however the hints arrive.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
@WithTestResource(CartTestResource.class)
class PaymentConfirmationTest extends CartTestBase {

    @Inject
    ReconciliationJob job;

    @AfterEach
    void sumUpBackToNormal() {
        SumUpStub.reset();
    }

    private static <T> Callable<T> waitFor(CountDownLatch start, Callable<T> call) {
        return () -> {
            start.await();
            return call.call();
        };
    }

    /** A member's pending order of two products (4.50 x 2 + 7.00), checked out through HTTP; returns it. */
    private OrderRow pendingOrder(long member, long page, long tea, long honey) {
        carts.add(Identity.member(member), "product", tea, 2);
        carts.add(Identity.member(member), "product", honey, 1);
        checkout(member, page).then().statusCode(303);
        return orders(member).get(0);
    }

    @Test
    void webhooksAndReturnPagesRacingConfirmTheOrderOnceWithOneEmail() throws Exception {
        long page = Catalogue.newPage();
        long member = newMember();
        long tea = catalogue().product(page, "Tea", 450, 10);
        long honey = catalogue().product(page, "Honey", 700, null);
        OrderRow order = pendingOrder(member, page, tea, honey);
        SumUpStub.checkoutIs(order.reference(), "PAID", new BigDecimal("16.00"), "GBP");

        int each = 6;
        ExecutorService pool = Executors.newFixedThreadPool(2 * each);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < each; i++) {
                answers.add(pool.submit(waitFor(start, () -> given().contentType("application/json")
                        .body("{\"event_type\":\"CHECKOUT_STATUS_CHANGED\",\"id\":\"" + order.checkoutId() + "\"}")
                        .post("/sumup/webhook").statusCode())));
                answers.add(pool.submit(waitFor(start, () -> given().redirects().follow(false)
                        .header(TestVisitors.HEADER, TestVisitors.member(member))
                        .get("/orders/" + order.id() + "/return").statusCode())));
            }
            start.countDown();
            for (Future<Integer> answer : answers) {
                assertThat(answer.get()).isIn(204, 303);
            }
        } finally {
            pool.shutdownNow();
        }

        OrderRow paid = order(order.id());
        assertThat(paid.status()).isEqualTo(OrderStatus.PAID);
        // one transition out of pending: the version moved once
        assertThat(paid.version()).isEqualTo(order.version() + 1);
        assertThat(Mailbox.confirmationsOf(order.id())).hasSize(1);
        assertThat(Mailbox.confirmationsOf(order.id()).get(0)).contains("2 x Tea at £4.50: £9.00", "Total paid: £16.00",
                "To: member" + member + "@example.org", "Content-Type: text/html");
        assertThat(units(Identity.member(member))).isZero();
        assertThat(catalogue().stock(tea)).isEqualTo(8); // taken at checkout, not again at confirmation
        // the hints that came while the order was pending asked SumUp; those after it was paid had nothing to ask
        assertThat(SumUpStub.server().countRequestsMatching(getRequestedFor(urlPathMatching("/v0.1/checkouts/"
                + order.checkoutId())).build()).getCount()).isBetween(1, 2 * each);

        // a late hint after all that changes nothing and sends nothing
        given().contentType("application/json").body("{\"event_type\":\"CHECKOUT_STATUS_CHANGED\",\"id\":\""
                + order.checkoutId() + "\"}").post("/sumup/webhook").then().statusCode(204);
        assertThat(order(order.id()).version()).isEqualTo(paid.version());
        assertThat(Mailbox.confirmationsOf(order.id())).hasSize(1);
    }

    @Test
    void theJobConfirmsAnOrderNoHintEverConfirmed() {
        long page = Catalogue.newPage();
        long member = newMember();
        OrderRow order = pendingOrder(member, page, catalogue().product(page, "Tea", 450, null),
                catalogue().product(page, "Honey", 700, null));
        SumUpStub.checkoutIs(order.reference(), "PENDING", new BigDecimal("16.00"), "GBP");
        job.reconcileDue();
        assertThat(order(order.id()).status()).isEqualTo(OrderStatus.PENDING);

        DueOrders.dueNow(order.id());
        SumUpStub.checkoutIs(order.reference(), "PAID", new BigDecimal("16.00"), "GBP");
        job.reconcileDue();

        assertThat(order(order.id()).status()).isEqualTo(OrderStatus.PAID);
        assertThat(Mailbox.confirmationsOf(order.id())).hasSize(1);
        assertThat(units(Identity.member(member))).isZero();
    }

    @Test
    void aFailedCheckoutReleasesTheStockAndKeepsTheCart() {
        long page = Catalogue.newPage();
        long member = newMember();
        long tea = catalogue().product(page, "Tea", 450, 10);
        OrderRow order = pendingOrder(member, page, tea, catalogue().product(page, "Honey", 700, null));
        assertThat(catalogue().stock(tea)).isEqualTo(8);
        SumUpStub.checkoutIs(order.reference(), "FAILED", new BigDecimal("16.00"), "GBP");

        given().contentType("application/json").body("{\"event_type\":\"CHECKOUT_STATUS_CHANGED\",\"id\":\""
                + order.checkoutId() + "\"}").post("/sumup/webhook").then().statusCode(204);
        given().contentType("application/json").body("{\"event_type\":\"CHECKOUT_STATUS_CHANGED\",\"id\":\""
                + order.checkoutId() + "\"}").post("/sumup/webhook").then().statusCode(204);

        assertThat(order(order.id()).status()).isEqualTo(OrderStatus.FAILED);
        assertThat(catalogue().stock(tea)).isEqualTo(10); // released once, not twice
        assertThat(units(Identity.member(member))).isEqualTo(3);
        assertThat(Mailbox.confirmationsOf(order.id())).isEmpty();
    }

    @Test
    void aForgedWebhookChangesNothing() {
        long page = Catalogue.newPage();
        long member = newMember();
        OrderRow order = pendingOrder(member, page, catalogue().product(page, "Tea", 450, null),
                catalogue().product(page, "Honey", 700, null));
        SumUpStub.checkoutIs(order.reference(), "PENDING", new BigDecimal("16.00"), "GBP");

        // an id SumUp never made: answered at once, SumUp not even asked
        given().contentType("application/json").body("{\"event_type\":\"CHECKOUT_STATUS_CHANGED\",\"id\":\"forged-1\"}")
                .post("/sumup/webhook").then().statusCode(204);
        SumUpStub.server().verify(0, getRequestedFor(urlPathMatching("/v0.1/checkouts/forged-1")));
        // a real id, claimed paid by the forger: SumUp says PENDING, so nothing happens
        given().contentType("application/json").body("{\"event_type\":\"CHECKOUT_STATUS_CHANGED\",\"id\":\""
                + order.checkoutId() + "\",\"status\":\"PAID\"}").post("/sumup/webhook").then().statusCode(204);
        // malformed bodies
        given().contentType("application/json").body("{\"id\":\"\"}").post("/sumup/webhook").then().statusCode(400);
        given().contentType("application/json").body("not json").post("/sumup/webhook").then().statusCode(400);

        OrderRow after = order(order.id());
        assertThat(after.status()).isEqualTo(OrderStatus.PENDING);
        assertThat(after.version()).isEqualTo(order.version());
        assertThat(units(Identity.member(member))).isEqualTo(3);
    }

    @Test
    void aPaymentForAnotherAmountIsFlaggedNotConfirmed() {
        long page = Catalogue.newPage();
        long member = newMember();
        OrderRow order = pendingOrder(member, page, catalogue().product(page, "Tea", 450, null),
                catalogue().product(page, "Honey", 700, null));
        SumUpStub.checkoutIs(order.reference(), "PAID", new BigDecimal("0.16"), "GBP");

        given().contentType("application/json").body("{\"event_type\":\"CHECKOUT_STATUS_CHANGED\",\"id\":\""
                + order.checkoutId() + "\"}").post("/sumup/webhook").then().statusCode(204);

        OrderRow after = order(order.id());
        assertThat(after.status()).isEqualTo(OrderStatus.PENDING);
        assertThat(after.needsAttention()).isTrue();
        assertThat(Mailbox.confirmationsOf(order.id())).isEmpty();
        assertThat(units(Identity.member(member))).isEqualTo(3);
    }
}
