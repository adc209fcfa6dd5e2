package coop.roseash.shared.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a resource method returns to show a page: an SX component and its keyword arguments (DTOs, never entities).
 * The response is the full HTML page in the shared layout, or the component's {@code text/sx} wire form for an
 * engine request ({@code SX-Request: true}).
 *
 * <pre>return SxView.page("~blog/home", Map.of("posts", posts)).title("Blog");</pre>
 */
public final class SxView {

    private final String component;
    private final Map<String, ?> kwargs;
    private final String title;
    private final int status;
    private final String canonical;
    private final List<HeadMeta> meta;
    private final List<HeadLink> links;

    private SxView(String component, Map<String, ?> kwargs, String title, int status) {
        this(component, kwargs, title, status, null, List.of(), List.of());
    }

    private SxView(String component, Map<String, ?> kwargs, String title, int status, String canonical,
                   List<HeadMeta> meta, List<HeadLink> links) {
        this.component = Objects.requireNonNull(component, "component");
        this.kwargs = Map.copyOf(Objects.requireNonNull(kwargs, "kwargs"));
        this.title = title;
        this.status = status;
        this.canonical = canonical;
        this.meta = List.copyOf(meta);
        this.links = List.copyOf(links);
    }

    /** A page showing {@code component} called with {@code kwargs} (keyword name without colon to value). */
    public static SxView page(String component, Map<String, ?> kwargs) {
        return new SxView(component, kwargs, null, 200);
    }

    /** A page showing {@code component} without arguments. */
    public static SxView page(String component) {
        return page(component, Map.of());
    }

    /** The document title (the layout appends the site name). */
    public SxView title(String newTitle) {
        return new SxView(component, kwargs, newTitle, status, canonical, meta, links);
    }

    /** The HTTP status (200 unless set; 422 for a form shown again with its errors). */
    public SxView status(int newStatus) {
        return new SxView(component, kwargs, title, newStatus, canonical, meta, links);
    }

    /** The page's canonical absolute URL ({@code <link rel="canonical">} in the head). */
    public SxView canonical(String url) {
        return new SxView(component, kwargs, title, status, url, meta, links);
    }

    /** Adds {@code <meta>} tags (Open Graph, description...) to the page's head. */
    public SxView meta(List<HeadMeta> more) {
        List<HeadMeta> all = new ArrayList<>(meta);
        all.addAll(more);
        return new SxView(component, kwargs, title, status, canonical, all, links);
    }

    /** Adds {@code <link>}s to the page's head (a tag's feeds, for example). */
    public SxView links(List<HeadLink> more) {
        List<HeadLink> all = new ArrayList<>(links);
        all.addAll(more);
        return new SxView(component, kwargs, title, status, canonical, meta, all);
    }

    public List<HeadLink> headLinks() {
        return links;
    }

    public String canonicalUrl() {
        return canonical;
    }

    public List<HeadMeta> headMeta() {
        return meta;
    }

    public String component() {
        return component;
    }

    public Map<String, ?> kwargs() {
        return kwargs;
    }

    public String title() {
        return title;
    }

    public int status() {
        return status;
    }
}
