package coop.roseash.events.views;

import java.util.List;

/**
 * One day of a month, week or day view.
 *
 * @param inMonth false for the days of the neighbouring months that fill the first and last week of a month grid
 * @param label   the day as a person reads it ("Monday 7 December")
 */
public record CalendarDay(String date, int day, String label, boolean inMonth, boolean today, String href,
                          List<Item> items) {

    /** An entry or a slot's opening on that day; {@code price} is a priced slot's booking price as text. */
    public record Item(String kind, Long entryId, Long slotId, String title, String time, String href,
                       boolean changed, String price) {
    }
}
