package coop.roseash.events.entries;

import coop.roseash.devinfra.PlatformTestResource;
import coop.roseash.events.support.Fixtures;
import coop.roseash.events.support.TestVisitors;
import coop.roseash.events.web.InvalidInput;
import coop.roseash.shared.contracts.Identity;
import coop.roseash.shared.contracts.cart.CartRefusal;
import coop.roseash.shared.contracts.cart.Offer;
import coop.roseash.shared.contracts.cart.OrderLine;
import coop.roseash.shared.services.events.BookingOfferSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static coop.roseash.events.support.Fixtures.as;
import static coop.roseash.events.support.Fixtures.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;

/**
 * A slot with a price is booked through the cart (item type {@code entry}): the admin sets the price, the day view
 * shows it, booking puts the slot's day into the member's cart, and checkout's reserve takes the place in the
 * database (ordered), payment confirms it, an unpaid order declines it and frees the place.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class PricedBookingTest {

    private static final String TUESDAY = "2031-06-03";

    @Inject
    BookingOfferSource bookings;

    @Inject
    EntryService entries;

    @Inject
    EntityManager em;

    private static RequestSpecification member(String who) {
        return as(who).contentType("application/x-www-form-urlencoded");
    }

    private static long pricedSlot(long calendar, String capacity, String price) {
        Fixtures.admin().formParam("day_of_week", "2").formParam("start_time", "18:00").formParam("end_time", "19:00")
                .formParam("label", "Court").formParam("capacity", capacity).formParam("price", price)
                .post("/admin/calendars/" + calendar + "/slots").then().statusCode(303);
        return count("SELECT max(id) FROM calendar_slots WHERE calendar_id = ?1", calendar);
    }

    private long day(long slot, String date) {
        return entries.slotDay(slot, date).slotDayId();
    }

    private static OrderLine line(long order, long day, int quantity) {
        return new OrderLine(order, "entry", day, quantity, Identity.member(order));
    }

    private void reserve(OrderLine line) {
        QuarkusTransaction.requiringNew().run(() -> bookings.reserve(line));
    }

    private static long entriesOf(long order, String state) {
        return count("SELECT count(*) FROM calendar_entries WHERE order_id = ?1 AND state = ?2", order, state);
    }

    @Test
    void theAdminSetsAPriceTheDayViewShowsItAndBookingPutsTheDayInTheCart() {
        long calendar = Fixtures.calendar("Europe/London");
        long slot = pricedSlot(calendar, "", "12.50");
        assertThat(count("SELECT price_cents FROM calendar_slots WHERE id = ?1", slot)).isEqualTo(1250);
        String admin = as(TestVisitors.ADMIN).get("/admin/calendars/" + calendar).then().statusCode(200)
                .extract().asString();
        assertThat(Jsoup.parse(admin).select("input[name=price]#s-price-" + slot).attr("value")).isEqualTo("12.50");

        // bad prices are refused with a message and change nothing
        Fixtures.admin().formParam("price", "-3").post("/admin/slots/" + slot + "/price").then().statusCode(422)
                .body(containsString("must be an amount like 12.50"));
        Fixtures.admin().formParam("price", "0").post("/admin/slots/" + slot + "/price").then().statusCode(422)
                .body(containsString("leave it empty for free bookings"));
        assertThat(count("SELECT price_cents FROM calendar_slots WHERE id = ?1", slot)).isEqualTo(1250);

        Document day = Jsoup.parse(as(TestVisitors.MEMBER).get("/calendars/" + calendar + "/day/" + TUESDAY)
                .then().statusCode(200).extract().asString());
        assertThat(day.select(".slot-price").text()).isEqualTo("£12.50");
        assertThat(day.select("form[action=/slots/" + slot + "/book] button").text()).isEqualTo("Book: add to cart");

        String location = member(TestVisitors.MEMBER).formParam("date", TUESDAY).post("/slots/" + slot + "/book")
                .then().statusCode(303).extract().header("Location");
        assertThat(location).endsWith("/calendars/" + calendar + "/day/" + TUESDAY + "?done=booking-in-cart");
        long dayId = day(slot, TUESDAY);
        assertThat(count("SELECT quantity FROM cart_items WHERE user_id = 9002 AND item_type = 'entry'"
                + " AND item_id = ?1", dayId)).isEqualTo(1);
        // nothing is booked before checkout, and a second click cannot ask for more places than the slot has
        assertThat(count("SELECT count(*) FROM calendar_entries WHERE slot_id = ?1", slot)).isZero();
        member(TestVisitors.MEMBER).formParam("date", TUESDAY).post("/slots/" + slot + "/book").then().statusCode(409)
                .body(containsString("Only 1 of “Court — Tuesday 3 June 2031, 18:00–19:00” left."));
        assertThat(as(TestVisitors.MEMBER).get(location).then().statusCode(200).extract().asString())
                .contains("The booking is in your cart");
        // a priced slot cannot be booked for free around the cart
        assertThatThrownBy(() -> entries.book(slot, TUESDAY, 9003, null)).isInstanceOf(InvalidInput.class)
                .hasMessageContaining("put it in your cart");

        Offer offer = bookings.offer(dayId).orElseThrow();
        assertThat(offer.unitPriceCents()).isEqualTo(1250);
        assertThat(offer.containerId()).isEqualTo(count("SELECT container_id FROM calendars WHERE id = ?1", calendar));
        assertThat(offer.available()).isTrue();
        assertThat(offer.remaining()).isEqualTo(1);

        // free again: booked directly
        Fixtures.admin().formParam("price", "").post("/admin/slots/" + slot + "/price").then().statusCode(303);
        assertThat(bookings.offer(dayId).orElseThrow().available()).isFalse();
        member(TestVisitors.OTHER_MEMBER).formParam("date", TUESDAY).post("/slots/" + slot + "/book")
                .then().statusCode(303).header("Location", containsString("/entries/"));
    }

    @Test
    void reserveTakesThePlaceConfirmConfirmsAndReleaseDeclinesAndFreesIt() {
        long calendar = Fixtures.calendar("Europe/London");
        long slot = pricedSlot(calendar, "", "8");
        long day = day(slot, TUESDAY);

        reserve(line(801, day, 1));
        assertThat(entriesOf(801, "ordered")).isEqualTo(1);
        assertThat(count("SELECT taken FROM slot_days WHERE id = ?1", day)).isEqualTo(1);
        assertThat(bookings.offer(day).orElseThrow().remaining()).isZero();

        // a second buyer of the one place is refused while the first order is open
        assertThatThrownBy(() -> reserve(line(802, day, 1))).isInstanceOf(CartRefusal.class)
                .hasMessage("Sorry, “Court — Tuesday 3 June 2031, 18:00–19:00” is fully booked.");
        assertThat(entriesOf(802, "ordered")).isZero();

        // the first order is never paid: its booking is declined and the place free again
        QuarkusTransaction.requiringNew().run(() -> bookings.release(line(801, day, 1)));
        assertThat(entriesOf(801, "declined")).isEqualTo(1);
        assertThat(count("SELECT taken FROM slot_days WHERE id = ?1", day)).isZero();
        QuarkusTransaction.requiringNew().run(() -> bookings.release(line(801, day, 1))); // again: nothing more
        assertThat(count("SELECT taken FROM slot_days WHERE id = ?1", day)).isZero();

        reserve(line(802, day, 1));
        QuarkusTransaction.requiringNew().run(() -> bookings.confirm(line(802, day, 1)));
        assertThat(entriesOf(802, "confirmed")).isEqualTo(1);
        assertThat(count("SELECT user_id FROM calendar_entries WHERE order_id = 802")).isEqualTo(802);
        assertThat(count("SELECT count(*) FROM calendar_entries WHERE order_id = 802 AND starts_at ="
                + " '2031-06-03 18:00 Europe/London'::timestamptz")).isEqualTo(1);
        // paid: releasing it (a late failure hint) changes nothing
        QuarkusTransaction.requiringNew().run(() -> bookings.release(line(802, day, 1)));
        assertThat(entriesOf(802, "confirmed")).isEqualTo(1);
        assertThat(count("SELECT taken FROM slot_days WHERE id = ?1", day)).isEqualTo(1);
    }

    @Test
    void aClosedOrPastDayIsNotOnSale() {
        long calendar = Fixtures.calendar("Europe/London");
        long slot = pricedSlot(calendar, "3", "5.00");
        long day = day(slot, "2031-06-10");
        Fixtures.admin().formParam("date", "2031-06-10").formParam("closed", "true")
                .post("/admin/slots/" + slot + "/exceptions").then().statusCode(303);
        assertThat(bookings.offer(day).orElseThrow().available()).isFalse();
        assertThatThrownBy(() -> reserve(line(811, day, 1))).isInstanceOf(CartRefusal.class)
                .hasMessageContaining("can no longer be booked");
        assertThat(count("SELECT taken FROM slot_days WHERE id = ?1", day)).isZero();
        member(TestVisitors.MEMBER).formParam("date", "2021-06-08").post("/slots/" + slot + "/book")
                .then().statusCode(409).body(containsString("is over"));
    }

    /** Ten buyers check out the one place of a slot's day at once: the database lets exactly one through. */
    @Test
    void tenRacingCheckoutsOfAOnePlaceDayGiveExactlyOneBooking() throws Exception {
        long calendar = Fixtures.calendar("Europe/London");
        long slot = pricedSlot(calendar, "", "10");
        long day = day(slot, TUESDAY);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(10);
        List<Future<Boolean>> results = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            long order = 900 + i;
            results.add(pool.submit(() -> {
                start.await();
                try {
                    reserve(line(order, day, 1));
                    return true;
                } catch (CartRefusal refusal) {
                    assertThat(refusal.status()).isEqualTo(409);
                    return false;
                }
            }));
        }
        start.countDown();
        int booked = 0;
        for (Future<Boolean> r : results) {
            booked += r.get() ? 1 : 0;
        }
        pool.shutdown();
        assertThat(booked).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM calendar_entries WHERE slot_day_id = ?1 AND state = 'ordered'", day))
                .isEqualTo(1);
        assertThat(count("SELECT taken FROM slot_days WHERE id = ?1", day)).isEqualTo(1);
        // and the schema itself refuses a second place, whatever statement tries
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "UPDATE slot_days SET taken = taken + 1 WHERE id = ?1").setParameter(1, day).executeUpdate()))
                .hasStackTraceContaining("slot_days_taken_within_places");
    }

    @Test
    void aDeclinedFreeBookingFreesItsPlaceAndCannotBeReopenedOnceTaken() {
        long calendar = Fixtures.calendar("Europe/London");
        long slot = pricedSlot(calendar, "", "");
        long first = entries.book(slot, TUESDAY, 9002, null).id();
        Fixtures.admin().formParam("state", "declined").post("/admin/entries/" + first + "/state").then().statusCode(303);
        long second = entries.book(slot, TUESDAY, 9003, null).id();
        Fixtures.admin().formParam("state", "pending").post("/admin/entries/" + first + "/state").then().statusCode(409)
                .body(containsString("fully booked on that day now"));
        assertThat(count("SELECT count(*) FROM calendar_entries WHERE id = ?1 AND state = 'declined'", first)).isEqualTo(1);
        Fixtures.admin().formParam("state", "declined").post("/admin/entries/" + second + "/state").then().statusCode(303);
        Fixtures.admin().formParam("state", "pending").post("/admin/entries/" + first + "/state").then().statusCode(303);
        assertThat(count("SELECT taken FROM slot_days WHERE id = ?1", day(slot, TUESDAY))).isEqualTo(1);
    }
}
