package coop.roseash.shared.fragments.catalogue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The fragment catalogue (docs/spec/platform.md §3): every fragment a service may provide or consume, in
 * one place. Providers name their entry in {@code FragmentProvider.fragment()}, consumers build requests
 * from it, and the cache takes its TTL from it.
 */
public final class FragmentCatalogue {

    /** Every service: fragments each of them provides. */
    private static final Set<String> ALL = Set.of("blog", "market", "cart", "events", "federation", "account");

    /** The navigation tree of the site header. */
    public static final FragmentSpec NAV_TREE = new FragmentSpec("nav-tree", Set.of("blog"), Set.of(),
            Duration.ofSeconds(60), false);

    /** A service's entry in the navigation (its name and home link). */
    public static final FragmentSpec NAV_ITEM = new FragmentSpec("nav-item", ALL, Set.of("variant"),
            Duration.ofSeconds(300), false);

    /** The sign-in button, or the member's name with their menu. */
    public static final FragmentSpec AUTH_MENU = new FragmentSpec("auth-menu", Set.of("federation"),
            Set.of("user_id"), Duration.ofSeconds(60), false);

    /** The mini cart: item count and a link to the cart, for a member or an anonymous device. */
    public static final FragmentSpec CART_MINI = new FragmentSpec("cart-mini", Set.of("cart"),
            Set.of("user_id", "device_id", "variant"), Duration.ofSeconds(10), false);

    /** What a container page holds in a service (its calendars, its market), as navigation. */
    public static final FragmentSpec CONTAINER_NAV = new FragmentSpec("container-nav", Set.of("events", "market"),
            Set.of("container_type", "container_id", "variant"), Duration.ofSeconds(30), false);

    /** Cards of what a container page holds (upcoming events), shown on the page and in listings. */
    public static final FragmentSpec CONTAINER_CARDS = new FragmentSpec("container-cards", Set.of("events"),
            Set.of("container_type", "container_id", "variant"), Duration.ofSeconds(30), false);

    /** A link card to one item of a service (a post, a product, an event). */
    public static final FragmentSpec LINK_CARD = new FragmentSpec("link-card", Set.of("blog", "market", "events"),
            Set.of("slug", "container_type", "container_id", "variant"), Duration.ofSeconds(60), false);

    /** A service's item in the account dashboard's navigation. */
    public static final FragmentSpec ACCOUNT_NAV_ITEM = new FragmentSpec("account-nav-item",
            Set.of("events", "cart", "federation"), Set.of("user_id"), Duration.ofSeconds(300), false);

    /** A page of the account dashboard rendered by the service that owns its data ({@code account-page/tickets}). */
    public static final FragmentSpec ACCOUNT_PAGE = new FragmentSpec("account-page", Set.of("events", "cart"),
            Set.of("user_id", "slug"), Duration.ofSeconds(30), true);

    /** All of them. */
    public static final List<FragmentSpec> ALL_FRAGMENTS = List.of(NAV_TREE, NAV_ITEM, AUTH_MENU, CART_MINI,
            CONTAINER_NAV, CONTAINER_CARDS, LINK_CARD, ACCOUNT_NAV_ITEM, ACCOUNT_PAGE);

    private FragmentCatalogue() {
    }

    /** The entry for a requested type ({@code account-page/x} finds the family), if the catalogue has it. */
    public static Optional<FragmentSpec> find(String type) {
        return ALL_FRAGMENTS.stream().filter(spec -> spec.matches(type)).findFirst();
    }

    /** The entries {@code service} provides. */
    public static List<FragmentSpec> providedBy(String service) {
        return ALL_FRAGMENTS.stream().filter(spec -> spec.providers().contains(service)).toList();
    }
}
