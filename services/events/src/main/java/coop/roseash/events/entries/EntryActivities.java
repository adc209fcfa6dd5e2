package coop.roseash.events.entries;

import coop.roseash.shared.bus.ActivityPublisher;
import coop.roseash.shared.bus.Visibility;
import coop.roseash.shared.config.ServiceUrls;
import coop.roseash.shared.model.events.CalendarEntry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Announces public entries on the event bus as ActivityPub {@code Event} objects, in the transaction of the change:
 * {@code Create(Event)} when an entry becomes public and confirmed, {@code Delete(Tombstone)} when it stops being
 * either. Delivery to followers is federation's.
 */
@ApplicationScoped
public class EntryActivities {

    private final ActivityPublisher publisher;
    private final ServiceUrls urls;

    EntryActivities(ActivityPublisher publisher, ServiceUrls urls) {
        this.publisher = publisher;
        this.urls = urls;
    }

    void onChange(@Observes EntryChanged change) {
        if (change.listed() == change.wasListed()) {
            return;
        }
        CalendarEntry e = CalendarEntry.findById(change.entryId());
        String actor = urls.publicUrl("events") + "/calendars/" + e.calendar.id;
        if (change.listed()) {
            publisher.publish("Create", actor, event(e, actor), Visibility.PUBLIC);
        } else {
            Map<String, Object> tombstone = new LinkedHashMap<>();
            tombstone.put("type", "Tombstone");
            tombstone.put("id", url(e));
            publisher.publish("Delete", actor, tombstone, Visibility.PUBLIC);
        }
    }

    private Map<String, Object> event(CalendarEntry e, String actor) {
        ZoneId zone = ZoneId.of(e.calendar.timeZone);
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("type", "Event");
        o.put("id", url(e));
        o.put("url", url(e));
        o.put("name", e.title);
        o.put("content", e.description);
        o.put("startTime", e.startsAt.atZone(zone).toOffsetDateTime().toString());
        o.put("endTime", e.endsAt.atZone(zone).toOffsetDateTime().toString());
        o.put("location", Map.of("type", "Place", "name", e.calendar.name));
        o.put("attributedTo", actor);
        o.put("rose:entryId", e.id);
        return o;
    }

    private String url(CalendarEntry e) {
        return urls.publicUrl("events") + "/entries/" + e.id;
    }
}
