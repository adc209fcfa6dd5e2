package coop.roseash.blog.sitemap;

import coop.roseash.shared.web.access.PublicRoute;
import coop.roseash.shared.config.ServiceUrls;
import coop.roseash.shared.contracts.blog.PostSummary;
import coop.roseash.blog.post.PostService;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.StringWriter;
import java.time.format.DateTimeFormatter;

/** {@code /sitemap.xml}: the home page and every published post and page, with when each last changed. */
@PublicRoute
@Path("/sitemap.xml")
public class SitemapResource {

    static final String NS = "http://www.sitemaps.org/schemas/sitemap/0.9";

    private final PostService posts;
    private final ServiceUrls urls;

    SitemapResource(PostService posts, ServiceUrls urls) {
        this.posts = posts;
        this.urls = urls;
    }

    @GET
    @Produces("application/xml; charset=utf-8")
    public String sitemap() throws XMLStreamException {
        String base = urls.publicUrl("blog");
        StringWriter out = new StringWriter();
        XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
        xml.writeStartDocument("UTF-8", "1.0");
        xml.writeStartElement("urlset");
        xml.writeDefaultNamespace(NS);
        url(xml, base + "/", null);
        for (PostSummary p : posts.allPublished()) {
            url(xml, base + "/" + p.slug() + "/",
                    DateTimeFormatter.ISO_INSTANT.format(p.updatedAt() != null ? p.updatedAt() : p.publishedAt()));
        }
        xml.writeEndElement();
        xml.writeEndDocument();
        xml.close();
        return out.toString();
    }

    private static void url(XMLStreamWriter xml, String loc, String lastmod) throws XMLStreamException {
        xml.writeStartElement("url");
        xml.writeStartElement("loc");
        xml.writeCharacters(loc);
        xml.writeEndElement();
        if (lastmod != null) {
            xml.writeStartElement("lastmod");
            xml.writeCharacters(lastmod);
            xml.writeEndElement();
        }
        xml.writeEndElement();
    }
}
