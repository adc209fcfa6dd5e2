package coop.roseash.events.calendar;

import coop.roseash.events.web.Forms;
import coop.roseash.events.web.InvalidInput;
import coop.roseash.shared.contracts.blog.PageSettings;
import coop.roseash.shared.model.events.Calendar;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/** Calendars of the blog's pages; a page gets one only when its settings turn calendars on. */
@ApplicationScoped
public class CalendarService {

    public static final String PAGE = "page";

    private final PageSettings pageSettings;

    CalendarService(PageSettings pageSettings) {
        this.pageSettings = pageSettings;
    }

    @Transactional
    public CalendarView create(long pageId, String name, String slug, String description, String timeZone) {
        String cleanName = Forms.required(name, "Name");
        String cleanSlug = Forms.required(slug, "Slug").toLowerCase(java.util.Locale.ROOT);
        if (!cleanSlug.matches("[a-z0-9]+(-[a-z0-9]+)*") || cleanSlug.length() > 60) {
            throw new InvalidInput("The slug may hold only letters, digits and single dashes, like summer-fair.");
        }
        String zone = timeZone == null || timeZone.isBlank() ? "Europe/London" : timeZone.strip();
        try {
            ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw new InvalidInput("“" + zone + "” is not a time zone; use a name like Europe/London.");
        }
        if (!pageSettings.settings(PAGE, pageId).calendarEnabled()) {
            throw new InvalidInput(409, "Page " + pageId + " does not have calendars turned on; turn them on in the"
                    + " page's settings in the blog's admin first.");
        }
        if (Calendar.count("containerType = ?1 and containerId = ?2 and slug = ?3", PAGE, pageId, cleanSlug) > 0) {
            throw new InvalidInput(409, "Page " + pageId + " already has a calendar called “" + cleanSlug + "”.");
        }
        Calendar c = new Calendar();
        c.containerType = PAGE;
        c.containerId = pageId;
        c.name = cleanName;
        c.slug = cleanSlug;
        c.description = description == null || description.isBlank() ? null : description.strip();
        c.timeZone = zone;
        c.persist();
        return CalendarView.of(c);
    }

    @Transactional
    public List<CalendarView> all() {
        return Calendar.<Calendar>listAll(io.quarkus.panache.common.Sort.by("containerId").and("name"))
                .stream().map(CalendarView::of).toList();
    }

    @Transactional
    public List<CalendarView> forContainer(String containerType, long containerId) {
        return Calendar.<Calendar>list("containerType = ?1 and containerId = ?2 order by name", containerType,
                containerId).stream().map(CalendarView::of).toList();
    }

    @Transactional
    public Optional<CalendarView> byId(long id) {
        return Calendar.<Calendar>findByIdOptional(id).map(CalendarView::of);
    }

    public CalendarView require(long id) {
        return byId(id).orElseThrow(() -> new InvalidInput(404, "There is no such calendar."));
    }
}
