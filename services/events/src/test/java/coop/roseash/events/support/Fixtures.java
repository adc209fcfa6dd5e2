package coop.roseash.events.support;

import coop.roseash.shared.model.events.Calendar;
import coop.roseash.shared.model.events.CalendarEntry;
import coop.roseash.shared.model.events.EntryState;
import coop.roseash.shared.model.events.TicketType;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.specification.RequestSpecification;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;

/** Rows the events tests start from, each test with its own page id so tests never see each other's data. */
public final class Fixtures {

    private Fixtures() {
    }

    public static RequestSpecification as(String visitor) {
        return given().redirects().follow(false).header(TestVisitors.HEADER, visitor);
    }

    public static RequestSpecification admin() {
        return as(TestVisitors.ADMIN).contentType("application/x-www-form-urlencoded");
    }

    /** A fresh page id, with calendars turned on in its settings (blog's page_configs) or not. */
    public static long page(boolean calendarsOn) {
        long id = ThreadLocalRandom.current().nextLong(1_000_000, 1_000_000_000);
        QuarkusTransaction.requiringNew().run(() -> Calendar.getEntityManager().createNativeQuery(
                        "INSERT INTO page_configs (container_type, container_id, calendar_enabled, tickets_enabled)"
                                + " VALUES ('page', ?1, ?2, true)")
                .setParameter(1, id).setParameter(2, calendarsOn).executeUpdate());
        return id;
    }

    public static long calendar(String timeZone) {
        long page = page(true);
        return QuarkusTransaction.requiringNew().call(() -> {
            Calendar c = new Calendar();
            c.containerType = "page";
            c.containerId = page;
            c.name = "Hall " + page;
            c.slug = "hall-" + page;
            c.timeZone = timeZone;
            c.persist();
            return c.id;
        });
    }

    /** A confirmed public entry on a new calendar, {@code daysAhead} from now, lasting two hours. */
    public static long entry(long calendarId, String title, int daysAhead, EntryState state, boolean isPublic) {
        return QuarkusTransaction.requiringNew().call(() -> {
            CalendarEntry e = new CalendarEntry();
            e.calendar = Calendar.findById(calendarId);
            e.title = title;
            e.startsAt = Instant.now().plus(daysAhead, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
            e.endsAt = e.startsAt.plus(2, ChronoUnit.HOURS);
            e.state = state;
            e.isPublic = isPublic;
            e.persist();
            return e.id;
        });
    }

    public static long ticketType(long entryId, String name, Integer capacity) {
        return QuarkusTransaction.requiringNew().call(() -> {
            TicketType t = new TicketType();
            t.entry = CalendarEntry.findById(entryId);
            t.name = name;
            t.priceCents = 1500;
            t.capacity = capacity;
            t.persist();
            return t.id;
        });
    }

    /** Tickets sold or reserved of a type, read from the database. */
    public static int taken(long typeId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) TicketType.getEntityManager()
                .createNativeQuery("SELECT taken FROM ticket_types WHERE id = ?1").setParameter(1, typeId)
                .getSingleResult()).intValue());
    }

    public static long count(String sql, Object... params) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var q = TicketType.getEntityManager().createNativeQuery(sql);
            for (int i = 0; i < params.length; i++) {
                q.setParameter(i + 1, params[i]);
            }
            return ((Number) q.getSingleResult()).longValue();
        });
    }
}
