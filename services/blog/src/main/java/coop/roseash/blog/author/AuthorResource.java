package coop.roseash.blog.author;

import coop.roseash.shared.web.access.PublicRoute;
import coop.roseash.blog.web.Listings;
import coop.roseash.blog.web.Pager;
import coop.roseash.blog.author.AuthorView;
import coop.roseash.blog.author.AuthorService;
import coop.roseash.blog.errors.BlogNotFoundException;
import coop.roseash.blog.post.PostService;
import coop.roseash.shared.web.SxView;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

/** An author's published posts, newest first, paged: {@code /author/{slug}/}. */
@PublicRoute
@Path("/author/{slug}")
public class AuthorResource {

    private final AuthorService authors;
    private final PostService posts;
    private final Listings listings;

    AuthorResource(AuthorService authors, PostService posts, Listings listings) {
        this.authors = authors;
        this.posts = posts;
        this.listings = listings;
    }

    @GET
    public SxView show(@PathParam("slug") String slug, @QueryParam("page") String page) {
        AuthorView author = authors.bySlug(slug).orElseThrow(() -> new BlogNotFoundException("author " + slug));
        return listings.view("Posts by " + author.name(), author.bio(),
                posts.publishedByAuthor(slug, Pager.pageNumber(page), Listings.PAGE_SIZE), "/author/" + slug + "/",
                "Nothing published yet.").title(author.name());
    }
}
