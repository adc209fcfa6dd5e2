package coop.roseash.events.entries;

import coop.roseash.devinfra.PlatformTestResource;
import coop.roseash.events.support.Fixtures;
import coop.roseash.events.support.TestVisitors;
import coop.roseash.shared.model.events.EntryState;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import static coop.roseash.events.support.Fixtures.as;
import static coop.roseash.events.support.Fixtures.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

/** Members book slots (one at a time where a slot takes one) and put tickets in their cart through the Carts contract. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class BookingAndBuyingTest {

    @jakarta.inject.Inject
    EntryService entries;

    private static io.restassured.specification.RequestSpecification member(String who) {
        return as(who).contentType("application/x-www-form-urlencoded");
    }

    private static long slot(long calendar, String capacity) {
        Fixtures.admin().formParam("day_of_week", "2").formParam("start_time", "18:00").formParam("end_time", "19:00")
                .formParam("label", "Court").formParam("capacity", capacity)
                .post("/admin/calendars/" + calendar + "/slots").then().statusCode(303);
        return count("SELECT max(id) FROM calendar_slots WHERE calendar_id = ?1", calendar);
    }

    @Test
    void aSlotThatTakesOneBookingRefusesASecondOverlappingOne() {
        long calendar = Fixtures.calendar("Europe/London");
        long slot = slot(calendar, "");
        String tuesday = "2031-06-03";
        String day = as(TestVisitors.MEMBER).get("/calendars/" + calendar + "/day/" + tuesday).then().statusCode(200)
                .extract().asString();
        assertThat(Jsoup.parse(day).select("form[action=/slots/" + slot + "/book] button").text()).isEqualTo("Book");

        String location = member(TestVisitors.MEMBER).formParam("date", tuesday).post("/slots/" + slot + "/book")
                .then().statusCode(303).extract().header("Location");
        long booking = Long.parseLong(location.replaceAll(".*/entries/(\\d+)$", "$1"));
        member(TestVisitors.OTHER_MEMBER).formParam("date", tuesday).post("/slots/" + slot + "/book")
                .then().statusCode(409).body(containsString("This slot is already booked on 2031-06-03"));
        member(TestVisitors.OTHER_MEMBER).formParam("date", "2031-06-04").post("/slots/" + slot + "/book")
                .then().statusCode(409).body(containsString("This slot does not run on 2031-06-04."));
        member(TestVisitors.OTHER_MEMBER).formParam("date", "2231-06-04").post("/slots/" + slot + "/book")
                .then().statusCode(422).body(containsString("between 2000 and 2100"));
        assertThat(count("SELECT count(*) FROM calendar_entries WHERE slot_id = ?1", slot)).isEqualTo(1);

        // the booking is the member's: on their bookings page, visible to them, hidden from others
        assertThat(as(TestVisitors.MEMBER).get("/bookings").then().statusCode(200).extract().asString())
                .contains("/entries/" + booking);
        as(TestVisitors.MEMBER).get("/entries/" + booking).then().statusCode(200).body(containsString("pending"));
        as(TestVisitors.OTHER_MEMBER).get("/entries/" + booking).then().statusCode(404);

        // declined, the place is free again
        Fixtures.admin().formParam("state", "declined").post("/admin/entries/" + booking + "/state")
                .then().statusCode(303);
        member(TestVisitors.OTHER_MEMBER).formParam("date", tuesday).post("/slots/" + slot + "/book")
                .then().statusCode(303);
    }

    @Test
    void aSlotForTwoTakesTwoAndAClosedDayNone() {
        long calendar = Fixtures.calendar("Europe/London");
        long slot = slot(calendar, "2");
        for (String who : new String[] {TestVisitors.MEMBER, TestVisitors.OTHER_MEMBER}) {
            member(who).formParam("date", "2031-06-10").post("/slots/" + slot + "/book").then().statusCode(303);
        }
        member(TestVisitors.MEMBER).formParam("date", "2031-06-10").post("/slots/" + slot + "/book")
                .then().statusCode(409).body(containsString("2 bookings at a time"));
        Fixtures.admin().formParam("date", "2031-06-17").formParam("closed", "true")
                .post("/admin/slots/" + slot + "/exceptions").then().statusCode(303);
        member(TestVisitors.MEMBER).formParam("date", "2031-06-17").post("/slots/" + slot + "/book")
                .then().statusCode(409);
        as("").redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("date", "2031-06-24").post("/slots/" + slot + "/book").then().statusCode(303);
        assertThat(count("SELECT count(*) FROM calendar_entries WHERE slot_id = ?1", slot)).isEqualTo(2);
    }

    @Test
    void aMemberPutsTicketsInTheCartAndTheCartsRefusalsShowWithTheirStatus() {
        long calendar = Fixtures.calendar("Europe/London");
        long entry = Fixtures.entry(calendar, "Folk night", 6, EntryState.CONFIRMED, true);
        long type = Fixtures.ticketType(entry, "Door", 3);
        String page = as(TestVisitors.MEMBER).get("/entries/" + entry).then().statusCode(200).extract().asString();
        assertThat(Jsoup.parse(page).select("form[action=/entries/" + entry + "/tickets] button").text())
                .isEqualTo("Add to cart");

        member(TestVisitors.MEMBER).formParam("ticket_type", type).formParam("quantity", "2")
                .post("/entries/" + entry + "/tickets").then().statusCode(303);
        assertThat(count("SELECT quantity FROM cart_items WHERE user_id = 9002 AND item_type = 'ticket'"
                + " AND item_id = ?1", type)).isEqualTo(2);

        member(TestVisitors.MEMBER).formParam("ticket_type", type).formParam("quantity", "2")
                .post("/entries/" + entry + "/tickets").then().statusCode(409)
                .body(containsString("Only 3 of “Folk night — Door” left."));
        member(TestVisitors.MEMBER).formParam("ticket_type", type).formParam("quantity", "0")
                .post("/entries/" + entry + "/tickets").then().statusCode(400)
                .body(containsString("Choose a quantity from 1 to 99."));
        assertThat(count("SELECT quantity FROM cart_items WHERE user_id = 9002 AND item_type = 'ticket'"
                + " AND item_id = ?1", type)).isEqualTo(2);

        long other = Fixtures.entry(calendar, "Other night", 6, EntryState.CONFIRMED, true);
        member(TestVisitors.MEMBER).formParam("ticket_type", type).formParam("quantity", "1")
                .post("/entries/" + other + "/tickets").then().statusCode(404);
        long pending = Fixtures.entry(calendar, "Not yet", 6, EntryState.PENDING, true);
        long pendingType = Fixtures.ticketType(pending, "Door", 10);
        member(TestVisitors.MEMBER).formParam("ticket_type", pendingType).formParam("quantity", "1")
                .post("/entries/" + pending + "/tickets").then().statusCode(409)
                .body(containsString("is no longer available"));
    }

    /** Ten members race for a slot that takes one booking: the conditional UPDATE of its day lets exactly one through. */
    @Test
    void racingBookingsOfAOnePlaceSlotGiveExactlyOne() throws Exception {
        long calendar = Fixtures.calendar("Europe/London");
        long slot = slot(calendar, "");
        var start = new java.util.concurrent.CountDownLatch(1);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(10);
        var results = new java.util.ArrayList<java.util.concurrent.Future<Boolean>>();
        for (int i = 0; i < 10; i++) {
            long member = 70_000 + i;
            results.add(pool.submit(() -> {
                start.await();
                try {
                    entries.book(slot, "2031-07-01", member, null);
                    return true;
                } catch (coop.roseash.events.web.InvalidInput refused) {
                    assertThat(refused.status()).isEqualTo(409);
                    return false;
                }
            }));
        }
        start.countDown();
        int booked = 0;
        for (var r : results) {
            booked += r.get() ? 1 : 0;
        }
        pool.shutdown();
        assertThat(booked).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM calendar_entries WHERE slot_id = ?1", slot)).isEqualTo(1);
    }
}
