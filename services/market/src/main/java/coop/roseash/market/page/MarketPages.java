package coop.roseash.market.page;

import coop.roseash.market.web.MarketNotFoundException;
import coop.roseash.shared.contracts.blog.PageRef;
import coop.roseash.shared.contracts.blog.PageSettings;
import coop.roseash.shared.contracts.blog.Pages;
import coop.roseash.shared.model.market.MarketPage;
import io.quarkus.panache.common.Sort;
import coop.roseash.shared.web.Visitor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Market pages: a market attached to a blog page (its container, {@code container_type='page'}), opened and closed by
 * that page's settings (blog's {@link PageSettings} contract, {@code marketEnabled}); at most one per page.
 */
@ApplicationScoped
public class MarketPages {

    public static final String CONTAINER_TYPE = "page";
    static final int MAX_TITLE = 120;
    static final int MAX_DESCRIPTION = 1000;

    private final PageSettings settings;
    private final Pages pages;
    private final Event<MarketChanged> changed;

    MarketPages(PageSettings settings, Pages pages, Event<MarketChanged> changed) {
        this.settings = settings;
        this.pages = pages;
        this.changed = changed;
    }

    @Transactional
    public Optional<MarketPageView> bySlug(String slug) {
        return MarketPage.<MarketPage>find("slug", slug).firstResultOptional().map(this::view);
    }

    @Transactional
    public Optional<MarketPageView> byId(long id) {
        return MarketPage.<MarketPage>findByIdOptional(id).map(this::view);
    }

    @Transactional
    public Optional<MarketPageView> forContainer(String containerType, long containerId) {
        return MarketPage.<MarketPage>find("containerType = ?1 and containerId = ?2", containerType, containerId)
                .firstResultOptional().map(this::view);
    }

    /**
     * The market page at {@code slug} as {@code visitor} may see it: visitors only while its page's settings keep the
     * market on; admins always (the page then says it is closed). Otherwise {@link MarketNotFoundException}.
     */
    public MarketPageView visible(String slug, Visitor visitor) {
        MarketPageView market = bySlug(slug).orElseThrow(() -> new MarketNotFoundException("market " + slug));
        if (!market.open() && (visitor == null || !visitor.admin())) {
            throw new MarketNotFoundException("market " + slug);
        }
        return market;
    }

    /** Every market page, open or not, by title (admin). */
    @Transactional
    public List<MarketPageView> all() {
        return MarketPage.<MarketPage>listAll(Sort.by("title")).stream().map(this::view).toList();
    }

    /** The market pages visitors can see. */
    @Transactional
    public List<MarketPageView> open() {
        return all().stream().filter(MarketPageView::open).toList();
    }

    /** The blog page a market page is attached to, if it is still there. */
    public Optional<PageRef> container(MarketPageView market) {
        return pages.page(market.containerId());
    }

    /**
     * A new market page on the blog page {@code form.page()}; refused (field by field) when there is no such page, its
     * settings keep the market off, it has a market already, or the name or address are not usable.
     */
    @Transactional
    public MarketPageView create(MarketPageForm form) {
        Map<String, String> errors = new LinkedHashMap<>();
        PageRef page = containerPage(form.page(), errors);
        String title = title(form.title(), errors);
        String slug = slug(form.slug(), title, null, errors);
        String description = description(form.description(), errors);
        if (!errors.isEmpty()) {
            throw new InvalidMarketInputException(errors);
        }
        MarketPage market = new MarketPage();
        market.containerType = CONTAINER_TYPE;
        market.containerId = page.id();
        market.title = title;
        market.slug = slug;
        market.description = description;
        persist(market);
        changed.fire(new MarketChanged(market.containerType, market.containerId));
        return view(market);
    }

    /** Renames a market page or moves it to another address; its blog page stays. */
    @Transactional
    public MarketPageView update(long id, MarketPageForm form) {
        MarketPage market = MarketPage.<MarketPage>findByIdOptional(id)
                .orElseThrow(() -> new MarketNotFoundException("market page " + id));
        Map<String, String> errors = new LinkedHashMap<>();
        String title = title(form.title(), errors);
        String slug = slug(form.slug(), title, market.id, errors);
        String description = description(form.description(), errors);
        if (!errors.isEmpty()) {
            throw new InvalidMarketInputException(errors);
        }
        market.title = title;
        market.slug = slug;
        market.description = description;
        persist(market);
        changed.fire(new MarketChanged(market.containerType, market.containerId));
        return view(market);
    }

    private PageRef containerPage(String typed, Map<String, String> errors) {
        String name = typed == null ? "" : typed.strip();
        if (name.isEmpty()) {
            errors.put("page", "Name the blog page the market belongs to: its address (such as members) or its number.");
            return null;
        }
        Optional<PageRef> page = name.matches("\\d{1,18}") ? pages.page(Long.parseLong(name))
                : pages.pageBySlug(name.replaceAll("^/+|/+$", ""));
        if (page.isEmpty()) {
            errors.put("page", "There is no blog page “" + name + "”. Markets attach to pages, not posts.");
            return null;
        }
        if (!settings.settings(CONTAINER_TYPE, page.get().id()).marketEnabled()) {
            errors.put("page", "The market is off in the settings of “" + page.get().title()
                    + "”. Turn it on there first (blog admin: the page, then Settings).");
            return null;
        }
        forContainer(CONTAINER_TYPE, page.get().id()).ifPresent(existing -> errors.put("page",
                "“" + page.get().title() + "” has a market already: “" + existing.title() + "”."));
        return page.get();
    }

    private static String title(String typed, Map<String, String> errors) {
        String title = typed == null ? "" : typed.strip();
        if (title.isEmpty()) {
            errors.put("title", "Give the market a name.");
        } else if (title.length() > MAX_TITLE) {
            errors.put("title", "A name has at most " + MAX_TITLE + " characters.");
        } else if (title.chars().anyMatch(Character::isISOControl)) {
            errors.put("title", "A name cannot contain control characters.");
        }
        return title;
    }

    private static String slug(String typed, String title, Long self, Map<String, String> errors) {
        String slug = typed == null || typed.isBlank() ? MarketSlugs.from(title) : typed.strip();
        if (slug.isEmpty()) {
            errors.putIfAbsent("slug", "Give the market an address: lowercase letters and digits joined by hyphens.");
        } else if (!MarketSlugs.valid(slug)) {
            errors.put("slug", "An address is lowercase letters and digits joined by hyphens, such as farm-shop "
                    + "(at most " + MarketSlugs.MAX_LENGTH + " characters).");
        } else if (MarketSlugs.reserved(slug)) {
            errors.put("slug", "The address “" + slug + "” is used by the market service itself; choose another.");
        } else {
            MarketPage other = MarketPage.find("slug", slug).firstResult();
            if (other != null && !other.id.equals(self)) {
                errors.put("slug", "Another market uses the address “" + slug + "”: “" + other.title + "”.");
            }
        }
        return slug;
    }

    private static String description(String typed, Map<String, String> errors) {
        String description = typed == null ? "" : typed.strip();
        if (description.length() > MAX_DESCRIPTION) {
            errors.put("description", "A description has at most " + MAX_DESCRIPTION + " characters.");
        }
        return description.isEmpty() ? null : description;
    }

    private static void persist(MarketPage market) {
        try {
            market.persistAndFlush();
        } catch (PersistenceException e) {
            // another admin took the address or the page between our check and this write
            throw new InvalidMarketInputException(Map.of("slug",
                    "Another market took this address or this page a moment ago; check and try again."));
        }
    }

    private MarketPageView view(MarketPage m) {
        boolean open = settings.settings(m.containerType, m.containerId).marketEnabled();
        return new MarketPageView(m.id, m.containerType, m.containerId, m.title, m.slug, m.description,
                "/" + m.slug + "/", open);
    }
}
