package coop.roseash.cart.bench;

import coop.roseash.cart.support.CartTestBase;
import coop.roseash.cart.support.CartTestResource;
import coop.roseash.cart.support.Catalogue;
import coop.roseash.cart.support.SumUpStub;
import coop.roseash.cart.support.TestVisitors;
import coop.roseash.devinfra.PlatformTestResource;
import coop.roseash.shared.contracts.Identity;
import coop.roseash.shared.model.cart.OrderStatus;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Median times of the cart's requests in the test application (one connection, after a warm-up), printed for the
 * README and the notes: the cart page with three lines, a quantity change, a checkout against the SumUp stub, and a
 * webhook that confirms a payment. A loose bound only catches an order-of-magnitude regression.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
@WithTestResource(CartTestResource.class)
class CartTimingsTest extends CartTestBase {

    private static final int RUNS = 30;

    @AfterEach
    void sumUpBackToNormal() {
        SumUpStub.reset();
    }

    @Test
    void printsMedianTimesOfTheCartsRequests() {
        long page = Catalogue.newPage();
        long member = newMember();
        long line = 0;
        for (String title : new String[] {"Tea", "Honey", "Jam"}) {
            line = carts.add(Identity.member(member), "product", catalogue().product(page, title, 450, null), 1).lineId();
        }
        long lastLine = line;
        String visitor = TestVisitors.member(member);

        double cartPage = median(() -> given().header(TestVisitors.HEADER, visitor).get("/").then().statusCode(200));
        double change = median(() -> given().redirects().follow(false).header(TestVisitors.HEADER, visitor)
                .contentType("application/x-www-form-urlencoded").formParam("quantity", "2")
                .post("/lines/" + lastLine + "/quantity").then().statusCode(303));
        List<Double> checkouts = new ArrayList<>();
        List<Double> confirmations = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            long buyer = newMember();
            long p = Catalogue.newPage();
            carts.add(Identity.member(buyer), "product", catalogue().product(p, "Tea", 450, 100), 2);
            long start = System.nanoTime();
            checkout(buyer, p).then().statusCode(303);
            checkouts.add((System.nanoTime() - start) / 1e6);
            OrderRow order = orders(buyer).get(0);
            SumUpStub.checkoutIs(order.reference(), "PAID", new BigDecimal("9.00"), "GBP");
            start = System.nanoTime();
            given().contentType("application/json").body("{\"event_type\":\"CHECKOUT_STATUS_CHANGED\",\"id\":\""
                    + order.checkoutId() + "\"}").post("/sumup/webhook").then().statusCode(204);
            confirmations.add((System.nanoTime() - start) / 1e6);
            assertThat(order(order.id()).status()).isEqualTo(OrderStatus.PAID);
        }
        double checkout = median(checkouts.subList(5, RUNS));
        double confirm = median(confirmations.subList(5, RUNS));
        System.out.printf("CART TIMINGS (median ms, one connection, load average %.2f, %d cores): cart page %.1f,"
                        + " quantity change %.1f, checkout %.1f, webhook confirmation %.1f%n",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors(), cartPage, change, checkout, confirm);
        assertThat(List.of(cartPage, change, checkout, confirm)).allSatisfy(ms -> assertThat(ms).isLessThan(2000));
    }

    private static double median(Runnable request) {
        for (int i = 0; i < 5; i++) {
            request.run();
        }
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            request.run();
            times.add((System.nanoTime() - start) / 1e6);
        }
        return median(times);
    }

    private static double median(List<Double> times) {
        List<Double> sorted = new ArrayList<>(times);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
