package coop.roseash.blog.search;

import coop.roseash.shared.web.access.PublicRoute;
import coop.roseash.blog.web.Pager;
import coop.roseash.blog.web.ViewArgs;
import coop.roseash.shared.contracts.blog.Paged;
import coop.roseash.blog.search.SearchHit;
import coop.roseash.blog.search.SearchService;
import coop.roseash.shared.web.SxView;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;


/** Full-text search of published posts and pages: {@code /search?q=...&page=N}. */
@PublicRoute
@Path("/search")
public class SearchResource {

    static final int PAGE_SIZE = 10;
    /** Longer queries are cut: nobody types more, and it bounds the work one request can ask for. */
    static final int MAX_QUERY = 200;

    private final SearchService search;

    SearchResource(SearchService search) {
        this.search = search;
    }

    @GET
    public SxView search(@QueryParam("q") String q, @QueryParam("page") String page) {
        String query = q == null ? "" : q.strip();
        if (query.length() > MAX_QUERY) {
            query = query.substring(0, MAX_QUERY);
        }
        Paged<SearchHit> hits = search.search(query, Pager.pageNumber(page), PAGE_SIZE);
        return SxView.page("~blog/search", ViewArgs.of()
                .with("query", query)
                .with("hits", hits.items())
                .with("total", hits.total())
                .with("pager", Pager.of(hits, "/search", Pager.param("q", query))).map()).title(query.isEmpty() ? "Search" : "Search: " + query);
    }
}
