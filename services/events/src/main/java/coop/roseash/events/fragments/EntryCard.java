package coop.roseash.events.fragments;

/** An entry as a card on another service's page; {@code href} is absolute (events' public URL). */
public record EntryCard(long id, String title, String when, String calendarName, String href) {
}
