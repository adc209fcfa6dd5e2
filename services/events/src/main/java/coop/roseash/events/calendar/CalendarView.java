package coop.roseash.events.calendar;

import coop.roseash.shared.model.events.Calendar;

/** A calendar as pages show it. */
public record CalendarView(long id, String containerType, long containerId, String name, String slug,
                           String description, String timeZone) {

    public static CalendarView of(Calendar c) {
        return new CalendarView(c.id, c.containerType, c.containerId, c.name, c.slug, c.description, c.timeZone);
    }
}
