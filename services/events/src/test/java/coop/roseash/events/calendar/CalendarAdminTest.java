package coop.roseash.events.calendar;

import coop.roseash.devinfra.PlatformTestResource;
import coop.roseash.events.support.Fixtures;
import coop.roseash.events.support.TestVisitors;
import coop.roseash.shared.model.events.EntryState;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import static coop.roseash.events.support.Fixtures.admin;
import static coop.roseash.events.support.Fixtures.as;
import static coop.roseash.events.support.Fixtures.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

/** Calendars, slots and entries through the admin's forms, and what bad input gets: a message, nothing changed. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class CalendarAdminTest {

    private static long calendarVia(long page, String slug) {
        String location = admin().formParam("page_id", page).formParam("name", "Studio").formParam("slug", slug)
                .formParam("time_zone", "Europe/London").post("/admin/calendars")
                .then().statusCode(303).extract().header("Location");
        return Long.parseLong(location.replaceAll(".*/admin/calendars/(\\d+).*", "$1"));
    }

    @Test
    void onlyAdminsGetIn() {
        as("").get("/admin").then().statusCode(303);
        as(TestVisitors.MEMBER).get("/admin").then().statusCode(403);
        as(TestVisitors.ADMIN).get("/admin").then().statusCode(200).body(containsString("New calendar"));
    }

    @Test
    void aPageWithoutCalendarsTurnedOnGetsNone() {
        long page = Fixtures.page(false);
        admin().formParam("page_id", page).formParam("name", "Studio").formParam("slug", "studio")
                .post("/admin/calendars").then().statusCode(409)
                .body(containsString("does not have calendars turned on"));
        assertThat(count("SELECT count(*) FROM calendars WHERE container_id = ?1", page)).isZero();
    }

    @Test
    void anAdminCreatesACalendarASlotAnExceptionAndAnEntry() {
        long page = Fixtures.page(true);
        long id = calendarVia(page, "studio");
        admin().formParam("page_id", page).formParam("name", "Again").formParam("slug", "studio")
                .post("/admin/calendars").then().statusCode(409).body(containsString("already has a calendar"));

        admin().formParam("day_of_week", "1").formParam("start_time", "10:00").formParam("end_time", "12:00")
                .formParam("label", "Morning session").post("/admin/calendars/" + id + "/slots")
                .then().statusCode(303);
        long slot = count("SELECT id FROM calendar_slots WHERE calendar_id = ?1", id);
        admin().formParam("date", "2030-01-07").formParam("closed", "true")
                .post("/admin/slots/" + slot + "/exceptions").then().statusCode(303);
        admin().formParam("date", "2030-01-08").formParam("closed", "true")
                .post("/admin/slots/" + slot + "/exceptions").then().statusCode(422)
                .body(containsString("is a Tuesday; this slot is on Mondays"));

        String location = admin().formParam("title", "Open day").formParam("date", "2030-01-07")
                .formParam("start_time", "18:00").formParam("end_time", "20:00").formParam("public", "true")
                .post("/admin/calendars/" + id + "/entries").then().statusCode(303).extract().header("Location");
        assertThat(location).contains("/admin/entries/");
        Document page1 = Jsoup.parse(as(TestVisitors.ADMIN).get("/admin/calendars/" + id).then().statusCode(200)
                .extract().asString());
        assertThat(page1.select("td").eachText()).contains("Morning session", "Open day", "pending");
        assertThat(page1.text()).contains("2030-01-07: closed");
    }

    @Test
    void badSlotsAndEntriesAreRefusedWithAMessageAndNothingStored() {
        long id = Fixtures.calendar("Europe/London");
        admin().formParam("day_of_week", "3").formParam("start_time", "14:00").formParam("end_time", "09:00")
                .post("/admin/calendars/" + id + "/slots").then().statusCode(422)
                .body(containsString("The end time (09:00) must be after the start time (14:00)."));
        admin().formParam("day_of_week", "8").formParam("start_time", "09:00").formParam("end_time", "10:00")
                .post("/admin/calendars/" + id + "/slots").then().statusCode(422)
                .body(containsString("1 (Monday) to 7 (Sunday)"));
        assertThat(count("SELECT count(*) FROM calendar_slots WHERE calendar_id = ?1", id)).isZero();

        admin().formParam("title", "Far away").formParam("date", "20300-01-01").formParam("start_time", "10:00")
                .formParam("end_time", "11:00").post("/admin/calendars/" + id + "/entries").then().statusCode(422)
                .body(containsString("Date must be a date like"));
        admin().formParam("title", "Long ago").formParam("date", "1850-01-01").formParam("start_time", "10:00")
                .formParam("end_time", "11:00").post("/admin/calendars/" + id + "/entries").then().statusCode(422)
                .body(containsString("Date must be between 2000 and 2100."));
        admin().formParam("title", "Backwards").formParam("date", "2030-01-01").formParam("start_time", "10:00")
                .formParam("end_time", "09:00").post("/admin/calendars/" + id + "/entries").then().statusCode(422)
                .body(containsString("must be after the start time"));
        assertThat(count("SELECT count(*) FROM calendar_entries WHERE calendar_id = ?1", id)).isZero();
    }

    @Test
    void theStateMachineAllowsTheAdminsMovesAndRefusesTheRest() {
        long calendar = Fixtures.calendar("Europe/London");
        long entry = Fixtures.entry(calendar, "Quiz night", 10, EntryState.PENDING, true);
        admin().formParam("state", "provisional").post("/admin/entries/" + entry + "/state").then().statusCode(303);
        admin().formParam("state", "ordered").post("/admin/entries/" + entry + "/state").then().statusCode(303);
        admin().formParam("state", "pending").post("/admin/entries/" + entry + "/state").then().statusCode(409)
                .body(containsString("A ordered entry cannot become pending; from ordered it can become confirmed or declined."));
        admin().formParam("state", "confirmed").post("/admin/entries/" + entry + "/state").then().statusCode(303);
        admin().formParam("state", "exploded").post("/admin/entries/" + entry + "/state").then().statusCode(400)
                .body(containsString("is not a state of an entry"));
        assertThat(count("SELECT count(*) FROM calendar_entries WHERE id = ?1 AND state = 'confirmed'", entry))
                .isEqualTo(1);
        as(TestVisitors.MEMBER).contentType("application/x-www-form-urlencoded").formParam("state", "declined")
                .post("/admin/entries/" + entry + "/state").then().statusCode(403);
        assertThat(count("SELECT count(*) FROM calendar_entries WHERE id = ?1 AND state = 'confirmed'", entry))
                .isEqualTo(1);
    }

    @Test
    void aPublicEntryIsAnnouncedAsAnActivityPubEventWhenConfirmedAndWithdrawnWhenDeclined() {
        long calendar = Fixtures.calendar("Europe/London");
        long entry = Fixtures.entry(calendar, "Harvest fair", 12, EntryState.PENDING, true);
        String url = "http://events.localhost:8004/entries/" + entry;
        admin().formParam("state", "confirmed").post("/admin/entries/" + entry + "/state").then().statusCode(303);
        assertThat(count("SELECT count(*) FROM ap_activities WHERE type = 'Create' AND origin_service = 'events'"
                + " AND visibility = 'public' AND object->>'type' = 'Event' AND object->>'id' = ?1"
                + " AND object->>'name' = 'Harvest fair' AND object->>'startTime' IS NOT NULL", url)).isEqualTo(1);
        admin().formParam("state", "declined").post("/admin/entries/" + entry + "/state").then().statusCode(303);
        assertThat(count("SELECT count(*) FROM ap_activities WHERE type = 'Delete' AND object->>'id' = ?1", url))
                .isEqualTo(1);

        long hidden = Fixtures.entry(calendar, "Staff meeting", 12, EntryState.PENDING, false);
        admin().formParam("state", "confirmed").post("/admin/entries/" + hidden + "/state").then().statusCode(303);
        assertThat(count("SELECT count(*) FROM ap_activities WHERE object->>'id' = ?1",
                "http://events.localhost:8004/entries/" + hidden)).isZero();
    }
}
