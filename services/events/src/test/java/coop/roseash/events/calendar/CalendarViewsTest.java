package coop.roseash.events.calendar;

import coop.roseash.devinfra.PlatformTestResource;
import coop.roseash.events.support.Fixtures;
import coop.roseash.shared.model.events.EntryState;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** Month, week and day views: a real table with headers, links between views, today marked, times in the zone. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class CalendarViewsTest {

    private static Document get(String path, int status) {
        return Jsoup.parse(given().get(path).then().statusCode(status).extract().asString());
    }

    @Test
    void theMonthIsATableWithHeadersLinksAndTodayMarked() {
        long calendar = Fixtures.calendar("Pacific/Auckland");
        long shown = Fixtures.entry(calendar, "Confirmed public", 1, EntryState.CONFIRMED, true);
        Fixtures.entry(calendar, "Still pending", 1, EntryState.PENDING, true);
        Fixtures.entry(calendar, "Private", 1, EntryState.CONFIRMED, false);
        LocalDate today = LocalDate.now(ZoneId.of("Pacific/Auckland"));
        Document month = get("/calendars/" + calendar + "/month/" + YearMonth.from(today.plusDays(1)), 200);

        Element table = month.selectFirst("table.calendar-grid");
        assertThat(table.select("thead th[scope=col]").eachText())
                .containsExactly("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun");
        assertThat(table.select("caption").text()).contains("Pacific/Auckland");
        assertThat(month.select("a[href=/entries/" + shown + "]")).hasSize(1);
        assertThat(month.text()).doesNotContain("Still pending").doesNotContain("Private");
        assertThat(month.select("a[rel=prev]").attr("href")).startsWith("/calendars/" + calendar + "/month/");
        assertThat(table.select("td > a").eachAttr("href")).allMatch(h -> h.contains("/day/"));

        Document current = get("/calendars/" + calendar, 200);
        Element todayCell = current.selectFirst("td[aria-current=date]");
        assertThat(todayCell).isNotNull();
        assertThat(todayCell.selectFirst("a").attr("href")).endsWith("/day/" + today);
    }

    @Test
    void weekAndDayShowEntriesAndSlotOpeningsWithExceptions() {
        long calendar = Fixtures.calendar("Europe/London");
        LocalDate monday = LocalDate.of(2031, 3, 3);
        Fixtures.admin().formParam("day_of_week", "1").formParam("start_time", "09:00").formParam("end_time", "10:00")
                .formParam("label", "Pottery wheel").post("/admin/calendars/" + calendar + "/slots")
                .then().statusCode(303);
        Document week = get("/calendars/" + calendar + "/week/" + monday.plusDays(2), 200);
        assertThat(week.select("ol.calendar-days > li")).hasSize(7);
        assertThat(week.select("ol.calendar-days > li").get(0).text()).contains("Monday 3 March 2031", "09:00–10:00",
                "Pottery wheel");
        assertThat(week.select("a[rel=next]").attr("href")).endsWith("/week/2031-03-10");

        long slot = Fixtures.count("SELECT id FROM calendar_slots WHERE calendar_id = ?1", calendar);
        Fixtures.admin().formParam("date", "2031-03-10").formParam("start_time", "11:00").formParam("end_time", "12:30")
                .post("/admin/slots/" + slot + "/exceptions").then().statusCode(303);
        Document day = get("/calendars/" + calendar + "/day/2031-03-10", 200);
        assertThat(day.text()).contains("11:00–12:30", "changed times");
        Fixtures.admin().formParam("date", "2031-03-17").formParam("closed", "true")
                .post("/admin/slots/" + slot + "/exceptions").then().statusCode(303);
        assertThat(get("/calendars/" + calendar + "/day/2031-03-17", 200).text()).contains("Nothing on this day.");
    }

    @Test
    void datesOutOfRangeAndUnknownCalendarsAre404() {
        long calendar = Fixtures.calendar("Europe/London");
        get("/calendars/" + calendar + "/day/2031-02-30", 404);
        get("/calendars/" + calendar + "/month/1999-12", 404);
        get("/calendars/" + calendar + "/week/not-a-date", 404);
        get("/calendars/999999999999/month/2030-01", 404);
    }
}
