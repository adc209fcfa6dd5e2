package coop.roseash.shared.richtext;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

/**
 * Cleans rich text (post and page bodies, snippets, imported Ghost HTML) down to an allow-list, so no
 * script, event handler or {@code javascript:} URL is ever stored; harmless text stays visible.
 */
public final class RichTextSanitizer {

    private static final Safelist ALLOWED = new Safelist()
            .addTags("p", "br", "h1", "h2", "h3", "h4", "h5", "h6", "b", "strong", "i", "em", "u", "s",
                    "a", "ul", "ol", "li", "img", "blockquote", "code", "pre", "hr", "figure", "figcaption")
            .addAttributes("a", "href", "title")
            .addAttributes("img", "src", "alt", "title")
            .addProtocols("a", "href", "http", "https", "mailto")
            .addProtocols("img", "src", "http", "https")
            // links leave the site with no opener and are not endorsed for search engines
            .addEnforcedAttribute("a", "rel", "nofollow noopener");

    private static final Document.OutputSettings OUTPUT = new Document.OutputSettings().prettyPrint(false);

    private RichTextSanitizer() {
    }

    /** Returns the allowed subset of {@code html} as an HTML body fragment; null becomes "". */
    public static String sanitize(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        Document dirty = Jsoup.parseBodyFragment(html);
        Document clean = new Cleaner(ALLOWED).clean(dirty);
        // an image its author gave no description is marked decorative (alt=""), so screen readers skip it instead
        // of reading out its file name; the editor asks for a description (the alt field of its image snippet)
        clean.select("img:not([src])").remove(); // its source was not allowed: nothing left to show
        clean.select("img:not([alt])").attr("alt", "");
        clean.outputSettings(OUTPUT);
        return clean.body().html();
    }

    /** The visible text of sanitized HTML, collapsed to single spaces, for search and excerpts. */
    public static String plainText(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        // control characters never belong in prose, and search uses two of them as highlight marks
        return Jsoup.parseBodyFragment(html).body().text().replaceAll("\\p{Cntrl}", "");
    }
}
