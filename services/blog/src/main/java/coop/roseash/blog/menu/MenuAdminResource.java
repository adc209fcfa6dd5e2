package coop.roseash.blog.menu;

import coop.roseash.shared.web.access.AdminOnly;
import coop.roseash.shared.fragments.catalogue.FragmentCatalogue;

import coop.roseash.blog.admin.AdminGate;
import coop.roseash.blog.admin.Notices;
import coop.roseash.blog.admin.Redirects;
import coop.roseash.blog.tag.TagAdminResource;
import coop.roseash.blog.web.ViewArgs;
import coop.roseash.shared.fragments.FragmentCache;
import coop.roseash.blog.errors.InvalidBlogInputException;
import coop.roseash.blog.menu.MenuService;
import coop.roseash.shared.web.SxView;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;

import java.util.List;

/** Admin for the navigation menu; every change drops the cached {@code nav-tree} so headers show it at once. */
@AdminOnly
@Path("/admin/menu")
public class MenuAdminResource {

    private final AdminGate gate;
    private final MenuService menu;
    private final FragmentCache fragments;

    MenuAdminResource(AdminGate gate, MenuService menu, FragmentCache fragments) {
        this.gate = gate;
        this.menu = menu;
        this.fragments = fragments;
    }

    @GET
    public SxView show(@QueryParam("q") String q, @QueryParam("done") String done) {
        gate.requireAdmin();
        return page(q, Notices.of(done), null, 200);
    }

    @POST
    @Path("add-page")
    public Response addPage(@RestForm("post_id") String postId) {
        gate.requireAdmin();
        return change(() -> menu.addPost(requireId(postId), null), "added");
    }

    @POST
    @Path("add-link")
    public Response addLink(@RestForm String label, @RestForm String target) {
        gate.requireAdmin();
        return change(() -> menu.addLink(label, target, null), "added");
    }

    @POST
    @Path("{id}/move")
    public Response move(@PathParam("id") long id, @RestForm("parent_id") String parentId, @RestForm String position) {
        gate.requireAdmin();
        return change(() -> menu.move(id, TagAdminResource.optionalId(parentId), Math.max(0, requireInt(position))), "moved");
    }

    @POST
    @Path("{id}/delete")
    public Response remove(@PathParam("id") long id) {
        gate.requireAdmin();
        return change(() -> menu.remove(id), "removed");
    }

    private Response change(Runnable action, String done) {
        try {
            action.run();
        } catch (InvalidBlogInputException e) {
            return Response.status(400).entity(page(null, null, e.getMessage(), 400)).build();
        }
        fragments.invalidateAll("blog", FragmentCatalogue.NAV_TREE);
        return Redirects.seeOther(Notices.after("/admin/menu", done));
    }

    private SxView page(String q, String notice, String error, int status) {
        String query = q == null ? null : q.strip();
        return SxView.page("~blog/admin/menu", ViewArgs.of()
                .with("tree", menu.tree())
                .with("query", query == null || query.isEmpty() ? null : query)
                .with("found", query == null || query.isEmpty() ? List.of() : menu.searchPages(query, 20))
                .with("notice", notice).with("error", error).map()).title("Menu").status(status);
    }

    private static long requireId(String raw) {
        Long id = TagAdminResource.optionalId(raw);
        if (id == null) {
            throw new InvalidBlogInputException("Choose a page to add.");
        }
        return id;
    }

    private static int requireInt(String raw) {
        Long n = TagAdminResource.optionalId(raw);
        return n == null ? 0 : (int) Math.min(Integer.MAX_VALUE, Math.max(0, n));
    }
}
