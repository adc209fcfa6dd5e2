package coop.roseash.blog.admin;

import coop.roseash.shared.web.access.AdminOnly;
import coop.roseash.shared.fragments.catalogue.FragmentCatalogue;
import coop.roseash.shared.fragments.catalogue.FragmentSpec;
import java.util.List;

import coop.roseash.blog.web.Pager;
import coop.roseash.blog.web.ViewArgs;
import coop.roseash.shared.contracts.blog.Paged;
import coop.roseash.shared.contracts.blog.PostSummary;
import coop.roseash.shared.fragments.FragmentCache;
import coop.roseash.blog.post.PostService;
import coop.roseash.shared.web.SxView;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

/** The admin home (all posts and pages) and the cache page. */
@AdminOnly
@Path("/admin")
public class AdminResource {

    static final int PAGE_SIZE = 25;
    /** Fragments whose content comes from the blog's data; cleared with the cache. */
    static final List<FragmentSpec> BLOG_FRAGMENTS = FragmentCatalogue.providedBy("blog");

    private final AdminGate gate;
    private final PostService posts;
    private final FragmentCache fragments;

    AdminResource(AdminGate gate, PostService posts, FragmentCache fragments) {
        this.gate = gate;
        this.posts = posts;
        this.fragments = fragments;
    }

    @GET
    public SxView dashboard(@QueryParam("page") String page, @QueryParam("done") String done) {
        gate.requireAdmin();
        Paged<PostSummary> all = posts.all(Pager.pageNumber(page), PAGE_SIZE);
        return SxView.page("~blog/admin/dashboard", ViewArgs.of()
                .with("posts", all.items())
                .with("pager", Pager.of(all, "/admin", null))
                .with("notice", Notices.of(done)).map()).title("Admin");
    }

    @GET
    @Path("cache")
    public SxView cache(@QueryParam("done") String done) {
        gate.requireAdmin();
        return SxView.page("~blog/admin/cache", ViewArgs.of().with("notice", Notices.of(done)).map()).title("Cache");
    }

    @POST
    @Path("cache/clear")
    public Response clearCache() {
        gate.requireAdmin();
        for (FragmentSpec fragment : BLOG_FRAGMENTS) {
            fragments.invalidateAll("blog", fragment);
        }
        return Redirects.seeOther(Notices.after("/admin/cache", "cleared"));
    }
}
