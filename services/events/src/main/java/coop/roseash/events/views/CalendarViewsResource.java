package coop.roseash.events.views;

import coop.roseash.events.calendar.CalendarService;
import coop.roseash.events.calendar.CalendarView;
import coop.roseash.events.web.Args;
import coop.roseash.events.web.Forms;
import coop.roseash.events.web.InvalidInput;
import coop.roseash.events.web.Notices;
import coop.roseash.shared.web.SxView;
import coop.roseash.shared.web.access.PublicRoute;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** A calendar's month, week and day views: plain links between them, so they work without JavaScript. */
@PublicRoute
@Path("/calendars/{id}")
public class CalendarViewsResource {

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("d MMM", Locale.UK);

    private final CalendarService calendars;
    private final CalendarPages pages;

    CalendarViewsResource(CalendarService calendars, CalendarPages pages) {
        this.calendars = calendars;
        this.pages = pages;
    }

    @GET
    public SxView thisMonth(@PathParam("id") long id) {
        CalendarView c = calendars.require(id);
        return month(c, YearMonth.from(pages.today(c)));
    }

    @GET
    @Path("month/{month}")
    public SxView month(@PathParam("id") long id, @PathParam("month") String month) {
        YearMonth ym;
        try {
            ym = YearMonth.parse(month);
        } catch (DateTimeParseException e) {
            throw new InvalidInput(404, "There is no calendar page for that month.");
        }
        Forms.pathDate(ym.atDay(1).toString());
        return month(calendars.require(id), ym);
    }

    @GET
    @Path("week/{date}")
    public SxView week(@PathParam("id") long id, @PathParam("date") String date) {
        LocalDate d = Forms.pathDate(date);
        CalendarView c = calendars.require(id);
        var days = pages.week(c, d);
        LocalDate monday = LocalDate.parse(days.get(0).date());
        String base = "/calendars/" + id;
        return SxView.page("~events/week", Args.of().with("calendar", c).with("days", days)
                .with("heading", "Week of " + DAY.format(monday))
                .with("prev", base + "/week/" + monday.minusWeeks(1))
                .with("next", base + "/week/" + monday.plusWeeks(1))
                .with("prev-label", "Week of " + SHORT.format(monday.minusWeeks(1)))
                .with("next-label", "Week of " + SHORT.format(monday.plusWeeks(1)))
                .with("month", base + "/month/" + YearMonth.from(monday)).map())
                .title(c.name() + ": week of " + DAY.format(monday));
    }

    @GET
    @Path("day/{date}")
    public SxView day(@PathParam("id") long id, @PathParam("date") String date, @QueryParam("done") String done) {
        LocalDate d = Forms.pathDate(date);
        CalendarView c = calendars.require(id);
        String base = "/calendars/" + id;
        return SxView.page("~events/day", Args.of().with("calendar", c).with("day", pages.day(c, d))
                .with("notice", Notices.of(done))
                .with("heading", DAY.format(d))
                .with("prev", base + "/day/" + d.minusDays(1)).with("next", base + "/day/" + d.plusDays(1))
                .with("prev-label", DAY.format(d.minusDays(1))).with("next-label", DAY.format(d.plusDays(1)))
                .with("week", base + "/week/" + d).with("month", base + "/month/" + YearMonth.from(d)).map())
                .title(c.name() + ": " + DAY.format(d));
    }

    private SxView month(CalendarView c, YearMonth ym) {
        String base = "/calendars/" + c.id();
        return SxView.page("~events/month", Args.of().with("calendar", c).with("weeks", pages.month(c, ym))
                .with("heading", MONTH.format(ym))
                .with("prev", base + "/month/" + ym.minusMonths(1)).with("next", base + "/month/" + ym.plusMonths(1))
                .with("prev-label", MONTH.format(ym.minusMonths(1))).with("next-label", MONTH.format(ym.plusMonths(1)))
                .with("week", base + "/week/" + ym.atDay(1)).map())
                .title(c.name() + ": " + MONTH.format(ym));
    }
}
