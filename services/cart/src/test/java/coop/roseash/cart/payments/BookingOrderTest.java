package coop.roseash.cart.payments;

import coop.roseash.cart.support.CartTestBase;
import coop.roseash.cart.support.CartTestResource;
import coop.roseash.cart.support.Catalogue;
import coop.roseash.cart.support.EventRows;
import coop.roseash.cart.support.MailParts;
import coop.roseash.cart.support.Mailbox;
import coop.roseash.cart.support.SumUpStub;
import coop.roseash.devinfra.PlatformTestResource;
import coop.roseash.shared.contracts.Identity;
import coop.roseash.shared.model.cart.OrderStatus;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A booking of a priced slot is a cart line (item type {@code entry}, sold by the events domain's offer source):
 * checkout takes the slot's place (the booking is ordered), payment confirms it exactly once, an order that fails
 * declines it and frees the place; a second buyer of a one-place slot is refused at checkout while it is taken.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
@WithTestResource(CartTestResource.class)
class BookingOrderTest extends CartTestBase {

    private static final LocalDate NEXT_MONTH_TUESDAY = LocalDate.now().plusMonths(1)
            .with(TemporalAdjusters.nextOrSame(DayOfWeek.TUESDAY));

    @AfterEach
    void sumUpBackToNormal() {
        SumUpStub.reset();
    }

    private static void webhook(OrderRow order) {
        given().contentType("application/json")
                .body("{\"event_type\":\"CHECKOUT_STATUS_CHANGED\",\"id\":\"" + order.checkoutId() + "\"}")
                .post("/sumup/webhook").then().statusCode(204);
    }

    @Test
    void aBookingLineIsCheckedOutPaidAndConfirmedAndASecondBuyerIsRefusedMeanwhile() {
        long page = Catalogue.newPage();
        EventRows events = new EventRows(em);
        long day = events.slotDay(page, "Court", 1250, 1, NEXT_MONTH_TUESDAY);
        long buyer = newMember();
        long rival = newMember();
        carts.add(Identity.member(buyer), "entry", day, 1);
        carts.add(Identity.member(rival), "entry", day, 1);

        checkout(buyer, page).then().statusCode(303);
        OrderRow order = orders(buyer).get(0);
        assertThat(order.amountCents()).isEqualTo(1250);
        assertThat(events.bookingStates(order.id())).containsExactly("ordered");
        assertThat(events.taken(day)).isEqualTo(1);

        // the one place is held by the open order: the rival's checkout is refused and changes nothing
        checkout(rival, page).then().statusCode(409);
        assertThat(orders(rival)).isEmpty();
        assertThat(units(Identity.member(rival))).isEqualTo(1);

        SumUpStub.checkoutIs(order.reference(), "PAID", new BigDecimal("12.50"), "GBP");
        webhook(order);
        webhook(order);
        assertThat(order(order.id()).status()).isEqualTo(OrderStatus.PAID);
        assertThat(events.bookingStates(order.id())).containsExactly("confirmed");
        assertThat(events.taken(day)).isEqualTo(1);
        assertThat(units(Identity.member(buyer))).isZero();
        List<String> mails = Mailbox.confirmationsOf(order.id());
        assertThat(mails).hasSize(1);
        assertThat(MailParts.parse(mails.get(0)).text()).contains("1 x Court — Tuesday", "18:00–19:00 at £12.50");
    }

    @Test
    void aFailedPaymentDeclinesTheBookingAndFreesThePlaceForTheNextBuyer() {
        long page = Catalogue.newPage();
        EventRows events = new EventRows(em);
        long day = events.slotDay(page, "Sauna", 800, 1, NEXT_MONTH_TUESDAY);
        long buyer = newMember();
        long next = newMember();
        carts.add(Identity.member(buyer), "entry", day, 1);
        checkout(buyer, page).then().statusCode(303);
        OrderRow order = orders(buyer).get(0);

        SumUpStub.checkoutIs(order.reference(), "FAILED", new BigDecimal("8.00"), "GBP");
        webhook(order);
        assertThat(order(order.id()).status()).isEqualTo(OrderStatus.FAILED);
        assertThat(events.bookingStates(order.id())).containsExactly("declined");
        assertThat(events.taken(day)).isZero();
        assertThat(units(Identity.member(buyer))).isEqualTo(1); // the cart is kept for another try

        carts.add(Identity.member(next), "entry", day, 1);
        checkout(next, page).then().statusCode(303);
        assertThat(events.bookingStates(orders(next).get(0).id())).containsExactly("ordered");
    }
}
