package coop.roseash.events.fragments;

import coop.roseash.shared.config.ServiceUrls;
import coop.roseash.shared.model.events.CalendarEntry;
import coop.roseash.shared.model.events.EntryState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** The public, confirmed, not yet ended entries a fragment shows: a page's upcoming events, a post's events. */
@ApplicationScoped
public class EntryCards {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.UK);

    private final ServiceUrls urls;

    EntryCards(ServiceUrls urls) {
        this.urls = urls;
    }

    /** The next {@code limit} events of the calendars of page {@code pageId}. */
    @Transactional
    public List<EntryCard> upcomingOfPage(long pageId, int limit) {
        return cards(CalendarEntry.<CalendarEntry>find("calendar.containerType = 'page' and calendar.containerId = ?1"
                        + " and isPublic = true and state = ?2 and endsAt > ?3 order by startsAt", pageId,
                EntryState.CONFIRMED, Instant.now()).page(0, limit).list());
    }

    /** The public entries linked to blog post {@code postId}, soonest first. */
    @Transactional
    public List<EntryCard> ofPost(long postId, int limit) {
        return cards(CalendarEntry.<CalendarEntry>find("id in (select p.entry.id from EntryPost p where p.postId = ?1)"
                        + " and isPublic = true and state = ?2 order by startsAt", postId, EntryState.CONFIRMED)
                .page(0, limit).list());
    }

    @Transactional
    public List<EntryCard> byId(long entryId) {
        return cards(CalendarEntry.<CalendarEntry>list("id = ?1 and isPublic = true", entryId));
    }

    private List<EntryCard> cards(List<CalendarEntry> entries) {
        String base = urls.publicUrl("events");
        return entries.stream().map(e -> new EntryCard(e.id, e.title,
                WHEN.format(e.startsAt.atZone(ZoneId.of(e.calendar.timeZone))), e.calendar.name,
                base + "/entries/" + e.id)).toList();
    }
}
