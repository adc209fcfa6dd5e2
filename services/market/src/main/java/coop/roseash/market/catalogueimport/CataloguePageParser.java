package coop.roseash.market.catalogueimport;

import coop.roseash.shared.richtext.RichTextSanitizer;
import jakarta.enterprise.context.ApplicationScoped;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the wholesaler's three kinds of page with the configured selectors ({@link ImportConfig.Selectors}): the
 * index (links to categories), a category page (links to products, maybe a next page) and a product page. A page
 * without what it must have is {@link PageSkipped malformed}, with the reason. Links are resolved against the page
 * and kept only when they stay on the catalogue's host, over http(s).
 */
@ApplicationScoped
public class CataloguePageParser {

    private static final Pattern PRICE = Pattern.compile("(\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.(\\d{1,2}))?");
    private static final int MAX_TEXT = 500;

    private final ImportConfig.Selectors select;

    CataloguePageParser(ImportConfig config) {
        this.select = config.selectors();
    }

    /** A category page found on the index: its URL and the link's text. */
    public record CategoryLink(String url, String name) {
    }

    /** What a category page lists. */
    public record CategoryPage(String name, List<String> productUrls, Optional<String> nextPage) {
    }

    public List<CategoryLink> index(Document page) throws PageSkipped {
        Map<String, CategoryLink> links = new LinkedHashMap<>();
        for (Element a : page.select(select.categoryLink())) {
            sameSiteUrl(page, a.absUrl("href")).ifPresent(url -> links.putIfAbsent(url, new CategoryLink(url, text(a))));
        }
        if (links.isEmpty()) {
            throw new PageSkipped("malformed index page: no category links (" + select.categoryLink() + ")");
        }
        return List.copyOf(links.values());
    }

    public CategoryPage category(Document page, String nameFromLink) throws PageSkipped {
        Element list = page.selectFirst(select.productList());
        if (list == null) {
            throw new PageSkipped("malformed category page: no product list (" + select.productList() + ")");
        }
        LinkedHashSet<String> products = new LinkedHashSet<>();
        for (Element a : list.select(select.productLink())) {
            sameSiteUrl(page, a.absUrl("href")).ifPresent(products::add);
        }
        String name = Optional.ofNullable(page.selectFirst(select.categoryTitle())).map(CataloguePageParser::text)
                .filter(s -> !s.isEmpty()).orElse(nameFromLink);
        Optional<String> next = Optional.ofNullable(page.selectFirst(select.nextPage()))
                .flatMap(a -> sameSiteUrl(page, a.absUrl("href")));
        return new CategoryPage(name, List.copyOf(products), next);
    }

    public ScrapedProduct product(Document page) throws PageSkipped {
        String code = required(page, select.code(), "code");
        String title = required(page, select.title(), "title");
        int price = priceCents(required(page, select.price(), "price"));
        List<String> labels = new ArrayList<>();
        for (Element e : page.select(select.labels())) {
            String label = text(e);
            if (!label.isEmpty() && !labels.contains(label)) {
                labels.add(label);
            }
        }
        List<String> images = new ArrayList<>();
        for (Element img : page.select(select.images())) {
            String src = img.absUrl("src");
            if (isHttp(src) && !images.contains(src)) {
                images.add(src);
            }
        }
        Element description = page.selectFirst(select.description());
        return new ScrapedProduct(code, title, optional(page, select.brand()), price, optional(page, select.unit()),
                labels, RichTextSanitizer.sanitize(description == null ? "" : description.html()), images,
                page.selectFirst(select.inStock()) != null, page.location());
    }

    /** "£1,234.50", "4.25 GBP", "12" -> cents; anything else is malformed. */
    static int priceCents(String text) throws PageSkipped {
        Matcher m = PRICE.matcher(text);
        if (!m.find()) {
            throw new PageSkipped("malformed product page: price \"" + text + "\" is not a number");
        }
        BigDecimal amount = new BigDecimal(m.group(1).replace(",", "") + "." + (m.group(2) == null ? "0" : m.group(2)));
        BigDecimal cents = amount.movePointRight(2).setScale(0, RoundingMode.UNNECESSARY);
        if (cents.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
            throw new PageSkipped("malformed product page: price \"" + text + "\" is out of range");
        }
        return cents.intValueExact();
    }

    private static String required(Document page, String selector, String what) throws PageSkipped {
        String value = optional(page, selector);
        if (value == null) {
            throw new PageSkipped("malformed product page: no " + what + " (" + selector + ")");
        }
        return value;
    }

    private static String optional(Document page, String selector) {
        Element e = page.selectFirst(selector);
        String value = e == null ? "" : text(e);
        return value.isEmpty() ? null : value;
    }

    private static String text(Element e) {
        String t = e.text().strip();
        return t.length() > MAX_TEXT ? t.substring(0, MAX_TEXT) : t;
    }

    /** The link, without its fragment, when it is http(s) on the page's own host: the crawl never wanders off. */
    private static Optional<String> sameSiteUrl(Document page, String href) {
        if (!isHttp(href)) {
            return Optional.empty();
        }
        try {
            URI link = URI.create(href);
            URI here = URI.create(page.location());
            if (link.getHost() == null || !link.getHost().equalsIgnoreCase(here.getHost()) || link.getPort() != here.getPort()) {
                return Optional.empty();
            }
            int fragment = href.indexOf('#');
            return Optional.of(fragment < 0 ? href : href.substring(0, fragment));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static boolean isHttp(String url) {
        return url.startsWith("http://") || url.startsWith("https://");
    }
}
