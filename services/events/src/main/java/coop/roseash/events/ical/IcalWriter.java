package coop.roseash.events.ical;

import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes an iCalendar feed with ical4j: each event's start and end in its calendar's zone (TZID), with the zone's
 * VTIMEZONE from ical4j's own zone data, so subscribers show the right local times across daylight saving changes.
 */
public final class IcalWriter {

    /** One event of a feed. */
    public record FeedEvent(long id, String title, String description, Instant start, Instant end, String zone,
                            String url) {
    }

    private static final TimeZoneRegistry ZONES = TimeZoneRegistryFactory.getInstance().createRegistry();

    private IcalWriter() {
    }

    public static String write(String name, String uidDomain, List<FeedEvent> events) {
        Calendar cal = new Calendar();
        cal.add(new ProdId("-//Rose Ash//events//EN"));
        cal.add(ImmutableVersion.VERSION_2_0);
        cal.add(ImmutableCalScale.GREGORIAN);
        cal.add(new XProperty("X-WR-CALNAME", name));
        Set<String> zones = new LinkedHashSet<>();
        events.forEach(e -> zones.add(e.zone()));
        for (String zone : zones) {
            cal.add(ZONES.getTimeZone(zone).getVTimeZone());
        }
        for (FeedEvent e : events) {
            ZoneId zone = ZoneId.of(e.zone());
            VEvent event = new VEvent(e.start().atZone(zone), e.end().atZone(zone), e.title());
            event.add(new Uid("entry-" + e.id() + "@" + uidDomain));
            event.add(ImmutableStatus.VEVENT_CONFIRMED);
            if (e.description() != null) {
                event.add(new Description(e.description()));
            }
            event.add(new Url(URI.create(e.url())));
            cal.add(event);
        }
        StringWriter out = new StringWriter();
        try {
            new CalendarOutputter(false).output(cal, out);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return out.toString();
    }

}
