package coop.roseash.blog.feed;

import coop.roseash.shared.contracts.blog.PostView;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Writes the newest posts as RSS 2.0 or Atom 1.0 with the JDK's XML writer, which escapes every text and
 * attribute; post bodies travel as escaped HTML (RSS {@code description}, Atom {@code content type="html"}).
 */
public final class FeedWriter {

    static final String ATOM_NS = "http://www.w3.org/2005/Atom";
    static final String DC_NS = "http://purl.org/dc/elements/1.1/";
    private static final XMLOutputFactory XML = XMLOutputFactory.newFactory();

    private final String siteTitle;
    private final String baseUrl;
    private final String feedPath;
    private final String pagePath;

    /** The site's feed: {@code baseUrl} is the blog's public URL without trailing slash. */
    public FeedWriter(String siteTitle, String baseUrl) {
        this(siteTitle, baseUrl, "/feed", "/");
    }

    /**
     * A feed of part of the site, e.g. one tag's: {@code feedPath} is where its rss.xml and atom.xml live
     * ({@code /feed/tag/apples}), {@code pagePath} the HTML page it follows ({@code /tag/apples/}).
     */
    public FeedWriter(String title, String baseUrl, String feedPath, String pagePath) {
        this.siteTitle = title;
        this.baseUrl = baseUrl;
        this.feedPath = feedPath;
        this.pagePath = pagePath;
    }

    public String rss(List<PostView> posts) {
        return write(xml -> {
            xml.writeStartElement("rss");
            xml.writeAttribute("version", "2.0");
            xml.writeNamespace("atom", ATOM_NS);
            xml.writeNamespace("dc", DC_NS);
            xml.writeStartElement("channel");
            text(xml, "title", siteTitle);
            text(xml, "link", baseUrl + pagePath);
            text(xml, "description", "News from " + siteTitle);
            xml.writeEmptyElement("atom", "link", ATOM_NS);
            xml.writeAttribute("href", baseUrl + feedPath + "/rss.xml");
            xml.writeAttribute("rel", "self");
            xml.writeAttribute("type", "application/rss+xml");
            text(xml, "lastBuildDate", rfc1123(newest(posts)));
            for (PostView p : posts) {
                xml.writeStartElement("item");
                text(xml, "title", p.title());
                text(xml, "link", url(p));
                xml.writeStartElement("guid");
                xml.writeAttribute("isPermaLink", "true");
                xml.writeCharacters(url(p));
                xml.writeEndElement();
                text(xml, "pubDate", rfc1123(p.publishedAt()));
                if (p.author() != null) {
                    xml.writeStartElement("dc", "creator", DC_NS);
                    xml.writeCharacters(p.author().name());
                    xml.writeEndElement();
                }
                text(xml, "description", p.html());
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndElement();
        });
    }

    public String atom(List<PostView> posts) {
        return write(xml -> {
            xml.writeStartElement("feed");
            xml.writeDefaultNamespace(ATOM_NS);
            text(xml, "title", siteTitle);
            text(xml, "id", baseUrl + pagePath);
            text(xml, "updated", iso(newest(posts)));
            link(xml, baseUrl + feedPath + "/atom.xml", "self", "application/atom+xml");
            link(xml, baseUrl + pagePath, "alternate", "text/html");
            for (PostView p : posts) {
                xml.writeStartElement("entry");
                text(xml, "title", p.title());
                link(xml, url(p), "alternate", "text/html");
                text(xml, "id", url(p));
                text(xml, "published", iso(p.publishedAt()));
                text(xml, "updated", iso(p.updatedAt() == null ? p.publishedAt() : p.updatedAt()));
                xml.writeStartElement("author");
                text(xml, "name", p.author() == null ? siteTitle : p.author().name());
                xml.writeEndElement();
                if (p.excerpt() != null && !p.excerpt().isBlank()) {
                    text(xml, "summary", p.excerpt());
                }
                xml.writeStartElement("content");
                xml.writeAttribute("type", "html");
                xml.writeCharacters(p.html());
                xml.writeEndElement();
                xml.writeEndElement();
            }
            xml.writeEndElement();
        });
    }

    private String url(PostView p) {
        return baseUrl + "/" + p.slug() + "/";
    }

    private static Instant newest(List<PostView> posts) {
        return posts.isEmpty() || posts.get(0).publishedAt() == null ? Instant.EPOCH : posts.get(0).publishedAt();
    }

    private static String rfc1123(Instant t) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format((t == null ? Instant.EPOCH : t).atOffset(ZoneOffset.UTC));
    }

    private static String iso(Instant t) {
        return DateTimeFormatter.ISO_INSTANT.format(t == null ? Instant.EPOCH : t);
    }

    private static void link(XMLStreamWriter xml, String href, String rel, String type) throws XMLStreamException {
        xml.writeEmptyElement("link");
        xml.writeAttribute("href", href);
        xml.writeAttribute("rel", rel);
        xml.writeAttribute("type", type);
    }

    private static void text(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(value == null ? "" : value);
        xml.writeEndElement();
    }

    interface Body {
        void write(XMLStreamWriter xml) throws XMLStreamException;
    }

    static String write(Body body) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XML.createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            body.write(xml);
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write feed", e);
        }
        return out.toString();
    }
}
