package coop.roseash.events.ical;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import coop.roseash.devinfra.PlatformTestResource;
import coop.roseash.events.support.Fixtures;
import coop.roseash.events.support.TestVisitors;
import coop.roseash.shared.model.events.CalendarEntry;
import coop.roseash.shared.model.events.EntryState;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static coop.roseash.events.support.Fixtures.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** The feeds, written with ical4j, read back with biweekly (an independent parser): exactly the confirmed entries. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class FeedTest {

    private static ICalendar parse(String ics) {
        List<ICalendar> all = Biweekly.parse(ics).all();
        assertThat(all).hasSize(1);
        return all.get(0);
    }

    private static Instant startsAt(long entry) {
        return QuarkusTransaction.requiringNew().call(() -> CalendarEntry.<CalendarEntry>findById(entry).startsAt);
    }

    @Test
    void aCalendarsFeedHoldsExactlyItsPublicConfirmedEntriesInItsZone() {
        long calendar = Fixtures.calendar("America/New_York");
        long a = Fixtures.entry(calendar, "Confirmed A", 3, EntryState.CONFIRMED, true);
        long b = Fixtures.entry(calendar, "Confirmed B", 40, EntryState.CONFIRMED, true);
        Fixtures.entry(calendar, "Pending", 4, EntryState.PENDING, true);
        Fixtures.entry(calendar, "Declined", 5, EntryState.DECLINED, true);
        Fixtures.entry(calendar, "Private", 6, EntryState.CONFIRMED, false);

        assertThat(net.fortuna.ical4j.util.Configurator.getProperty("net.fortuna.ical4j.timezone.update.enabled"))
                .as("ical4j never fetches zone data from the network").contains("false");
        var response = given().get("/feeds/calendars/" + calendar + ".ics").then().statusCode(200).extract();
        assertThat(response.contentType()).startsWith("text/calendar");
        String ics = response.asString();
        ICalendar cal = parse(ics);

        assertThat(cal.getEvents().stream().map(e -> e.getSummary().getValue()).collect(Collectors.toSet()))
                .isEqualTo(Set.of("Confirmed A", "Confirmed B"));
        assertThat(cal.getTimezoneInfo().getComponents()).anyMatch(tz ->
                tz.getTimezoneId().getValue().equals("America/New_York"));
        assertThat(ics).contains("DTSTART;TZID=America/New_York:");
        VEvent first = cal.getEvents().stream().filter(e -> e.getSummary().getValue().equals("Confirmed A"))
                .findFirst().orElseThrow();
        assertThat(first.getDateStart().getValue().toInstant()).isEqualTo(startsAt(a));
        assertThat(first.getUid().getValue()).isEqualTo("entry-" + a + "@events.localhost");
        assertThat(b).isNotEqualTo(a);

        given().get("/feeds/calendars/999999999999.ics").then().statusCode(404);
    }

    @Test
    void aMembersBookingsFeedIsAtASecretAddressThatCanBeReplaced() {
        long calendar = Fixtures.calendar("Europe/London");
        long mine = Fixtures.entry(calendar, "My confirmed booking", 2, EntryState.CONFIRMED, false);
        long pending = Fixtures.entry(calendar, "My pending booking", 3, EntryState.PENDING, false);
        long theirs = Fixtures.entry(calendar, "Someone else's", 2, EntryState.CONFIRMED, false);
        QuarkusTransaction.requiringNew().run(() -> {
            CalendarEntry.<CalendarEntry>findById(mine).userId = 9002L;
            CalendarEntry.<CalendarEntry>findById(pending).userId = 9002L;
            CalendarEntry.<CalendarEntry>findById(theirs).userId = 9003L;
        });
        assertThat(Jsoup.parse(as(TestVisitors.MEMBER).get("/bookings").then().statusCode(200).extract().asString())
                .select("main code")).as("no address until the member asks for one").isEmpty();
        as(TestVisitors.MEMBER).contentType("application/x-www-form-urlencoded").post("/bookings/feed/reset")
                .then().statusCode(303);
        String page = as(TestVisitors.MEMBER).get("/bookings").then().statusCode(200).extract().asString();
        String url = Jsoup.parse(page).select("main code").text();
        assertThat(url).matches("http://events\\.localhost:8004/feeds/bookings/[A-Za-z0-9_-]{43}\\.ics");
        String path = url.substring(url.indexOf("/feeds/"));

        ICalendar cal = parse(given().get(path).then().statusCode(200).extract().asString());
        assertThat(cal.getEvents()).extracting(e -> e.getSummary().getValue()).containsExactly("My confirmed booking");

        as(TestVisitors.MEMBER).contentType("application/x-www-form-urlencoded").post("/bookings/feed/reset")
                .then().statusCode(303);
        given().get(path).then().statusCode(404);
        given().get("/feeds/bookings/not-a-token.ics").then().statusCode(404);
    }
}
