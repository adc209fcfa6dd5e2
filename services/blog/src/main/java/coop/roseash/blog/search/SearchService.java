package coop.roseash.blog.search;

import coop.roseash.blog.post.BlogReadCache;
import coop.roseash.blog.post.PostService;

import coop.roseash.shared.contracts.blog.Paged;
import coop.roseash.blog.search.SearchHit;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Full-text search of published posts and pages over the {@code posts.search_vector} column (title ranked above
 * excerpt above body), with highlighted snippets from {@code ts_headline}.
 */
@ApplicationScoped
public class SearchService {

    /** Highlight marks chosen so they cannot come from stored text (plaintext drops control characters). */
    static final char START = '\u0002';
    /** Result counts stop here; a larger total is reported as MAX_COUNTED + 1 ("more than 1000"). */
    public static final int MAX_COUNTED = 1000;
    static final char STOP = '\u0003';

    private static final String MATCHES = "FROM posts p, websearch_to_tsquery('english', :q) q "
            + "WHERE p.status = 'published' AND p.search_vector @@ q";

    // the headline is computed only for the page of hits, in the outer query: it is the costly part
    private static final String PAGE_QUERY = "SELECT h.type, h.slug, h.title, h.published_at, h.rank, "
            + "ts_headline('english', h.plaintext, websearch_to_tsquery('english', :q), "
            + "'StartSel=" + START + ", StopSel=" + STOP + ", MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=\" … \"') "
            + "FROM (SELECT p.type, p.slug, p.title, p.published_at, p.plaintext, ts_rank(p.search_vector, q) AS rank "
            + MATCHES + " ORDER BY rank DESC, p.published_at DESC, p.id DESC LIMIT :limit OFFSET :offset) h "
            + "ORDER BY h.rank DESC, h.published_at DESC";

    private final BlogReadCache cache;

    SearchService(BlogReadCache cache) {
        this.cache = cache;
    }

    /** A page of hits, from the read cache when no post changed since the same search was made. */
    @Transactional
    public Paged<SearchHit> search(String query, int page, int pageSize) {
        int size = Math.max(1, Math.min(pageSize, PostService.MAX_PAGE_SIZE));
        int index = Math.max(1, page) - 1;
        String q = query == null ? "" : query.strip();
        if (q.isEmpty()) {
            return new Paged<>(List.of(), 1, size, 0);
        }
        return cache.get("search|" + index + "|" + size + "|" + q, () -> load(q, index, size));
    }

    @SuppressWarnings("unchecked")
    private Paged<SearchHit> load(String q, int index, int size) {
        var em = Panache.getEntityManager();
        List<Object[]> rows = em.createNativeQuery(PAGE_QUERY)
                .setParameter("q", q).setParameter("limit", size).setParameter("offset", index * size)
                .getResultList();
        // counting every match of a very common word costs more than the page itself: stop past MAX_COUNTED
        long total = ((Number) em.createNativeQuery("SELECT count(*) FROM (SELECT 1 " + MATCHES + " LIMIT "
                + (MAX_COUNTED + 1) + ") m").setParameter("q", q).getSingleResult()).longValue();
        List<SearchHit> hits = rows.stream().map(r -> new SearchHit((String) r[0], (String) r[1], (String) r[2],
                highlight((String) r[5]), instant(r[3]), ((Number) r[4]).doubleValue())).toList();
        return new Paged<>(hits, index + 1, size, total);
    }

    /** Escapes everything, then turns the highlight marks into {@code <mark>} elements. */
    static String highlight(String headline) {
        if (headline == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(headline.length() + 32);
        for (int i = 0; i < headline.length(); i++) {
            char c = headline.charAt(i);
            switch (c) {
                case START -> out.append("<mark>");
                case STOP -> out.append("</mark>");
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        return null;
    }
}
