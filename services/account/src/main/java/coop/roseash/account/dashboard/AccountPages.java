package coop.roseash.account.dashboard;

import coop.roseash.shared.fragments.FragmentClient;
import coop.roseash.shared.fragments.FragmentKey;
import coop.roseash.shared.fragments.FragmentParams;
import coop.roseash.shared.fragments.catalogue.FragmentCatalogue;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The dashboard's pieces made by the services that own the data: each {@code account-page/{slug}} (tickets and
 * bookings from events, orders from cart) and the {@code account-nav-item} links of events, cart and federation.
 * A provider that is down, slow or not built yet gives "" (the fragment client's rule), which the pages show as a
 * friendly empty state.
 */
@ApplicationScoped
public class AccountPages {

    /** The pages and who provides them (platform.md §3). */
    public record Page(String slug, String title, String provider) {
    }

    static final List<Page> PAGES = List.of(
            new Page("tickets", "Your tickets", "events"),
            new Page("bookings", "Your bookings", "events"),
            new Page("orders", "Your orders", "cart"));

    private static final List<String> NAV_PROVIDERS = List.of("events", "cart", "federation");
    private static final Duration WAIT = Duration.ofSeconds(3);

    private final FragmentClient fragments;

    AccountPages(FragmentClient fragments) {
        this.fragments = fragments;
    }

    public static List<Page> pages() {
        return PAGES;
    }

    public static Optional<Page> page(String slug) {
        return PAGES.stream().filter(p -> p.slug().equals(slug)).findFirst();
    }

    /** The page's HTML for the member, or "" when its provider gave nothing. */
    public String body(Page page, long userId) {
        FragmentKey key = FragmentCatalogue.ACCOUNT_PAGE.key(page.provider(), page.slug(), params(userId));
        return orEmpty(fragments.fetch(key).await().atMost(WAIT));
    }

    /** The providers' navigation items, in a fixed order, the empty ones left out. */
    public List<String> navItems(long userId) {
        List<FragmentKey> keys = NAV_PROVIDERS.stream()
                .map(p -> FragmentCatalogue.ACCOUNT_NAV_ITEM.key(p, params(userId))).toList();
        Map<FragmentKey, String> got = fragments.fetchAll(keys).await().atMost(WAIT);
        return keys.stream().map(k -> orEmpty(got.get(k))).filter(html -> !html.isBlank()).toList();
    }

    private static FragmentParams params(long userId) {
        return FragmentParams.of("user_id", userId);
    }

    private static String orEmpty(String html) {
        return html == null ? "" : html;
    }
}
