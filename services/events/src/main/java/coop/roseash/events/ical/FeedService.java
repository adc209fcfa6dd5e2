package coop.roseash.events.ical;

import coop.roseash.shared.config.ServiceUrls;
import coop.roseash.shared.model.events.BookingFeedToken;
import coop.roseash.shared.model.events.Calendar;
import coop.roseash.shared.model.events.CalendarEntry;
import coop.roseash.shared.model.events.EntryState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/** The iCalendar feeds: a calendar's public confirmed entries; a member's confirmed bookings behind a secret token. */
@ApplicationScoped
public class FeedService {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final ServiceUrls urls;

    FeedService(ServiceUrls urls) {
        this.urls = urls;
    }

    @Transactional
    public Optional<String> calendarFeed(long calendarId) {
        Calendar c = Calendar.findById(calendarId);
        if (c == null) {
            return Optional.empty();
        }
        List<CalendarEntry> entries = CalendarEntry.list("calendar = ?1 and isPublic = true and state = ?2"
                + " order by startsAt", c, EntryState.CONFIRMED);
        return Optional.of(IcalWriter.write(c.name, host(), events(entries)));
    }

    /** The bookings feed of the member whose token this is; empty for an unknown (or replaced) token. */
    @Transactional
    public Optional<String> bookingsFeed(String token) {
        if (token == null || !token.matches("[A-Za-z0-9_-]{43}")) {
            return Optional.empty();
        }
        return BookingFeedToken.<BookingFeedToken>find("token", token).firstResultOptional().map(t -> {
            List<CalendarEntry> entries = CalendarEntry.list("userId = ?1 and state = ?2 order by startsAt",
                    t.userId, EntryState.CONFIRMED);
            return IcalWriter.write("Your bookings", host(), events(entries));
        });
    }

    /** The member's feed token, if they have made one (a page view never writes one). */
    @Transactional
    public Optional<String> tokenOf(long userId) {
        return BookingFeedToken.<BookingFeedToken>findByIdOptional(userId).map(t -> t.token);
    }

    /** Makes the member's token, or replaces it: the old feed address stops working at once. */
    @Transactional
    public String reset(long userId) {
        BookingFeedToken t = BookingFeedToken.findById(userId);
        if (t == null) {
            t = new BookingFeedToken();
            t.userId = userId;
            t.token = newToken();
            t.persist();
        } else {
            t.token = newToken();
        }
        return t.token;
    }

    public String bookingsFeedUrl(String token) {
        return urls.publicUrl("events") + "/feeds/bookings/" + token + ".ics";
    }

    private List<IcalWriter.FeedEvent> events(List<CalendarEntry> entries) {
        String base = urls.publicUrl("events");
        return entries.stream().map(e -> new IcalWriter.FeedEvent(e.id, e.title, e.description, e.startsAt,
                e.endsAt, e.calendar.timeZone, base + "/entries/" + e.id)).toList();
    }

    private String host() {
        return java.net.URI.create(urls.publicUrl("events")).getHost();
    }

    /** 256 random bits, URL-safe. */
    private static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
