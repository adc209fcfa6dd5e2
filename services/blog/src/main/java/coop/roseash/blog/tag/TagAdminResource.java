package coop.roseash.blog.tag;

import coop.roseash.shared.web.access.AdminOnly;
import coop.roseash.blog.admin.AdminGate;
import coop.roseash.blog.admin.Notices;
import coop.roseash.blog.admin.Redirects;
import coop.roseash.blog.web.ViewArgs;
import coop.roseash.blog.errors.InvalidBlogInputException;
import coop.roseash.blog.tag.TagService;
import coop.roseash.shared.web.SxView;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;

/** Admin for tags and tag groups. */
@AdminOnly
@Path("/admin")
public class TagAdminResource {

    private final AdminGate gate;
    private final TagService tags;

    TagAdminResource(AdminGate gate, TagService tags) {
        this.gate = gate;
        this.tags = tags;
    }

    @GET
    @Path("tags")
    public SxView list(@QueryParam("done") String done) {
        gate.requireAdmin();
        return page(Notices.of(done), null, 200);
    }

    @POST
    @Path("tags")
    public Response create(@RestForm String name, @RestForm String description, @RestForm("group_id") String groupId) {
        gate.requireAdmin();
        return attempt(() -> tags.create(name, description, optionalId(groupId)), "added");
    }

    @POST
    @Path("tags/{id}")
    public Response update(@PathParam("id") long id, @RestForm String name, @RestForm String description,
                           @RestForm("group_id") String groupId) {
        gate.requireAdmin();
        return attempt(() -> tags.update(id, name, description, optionalId(groupId)), "saved");
    }

    @POST
    @Path("tags/{id}/delete")
    public Response delete(@PathParam("id") long id) {
        gate.requireAdmin();
        tags.delete(id);
        return Redirects.seeOther(Notices.after("/admin/tags", "deleted"));
    }

    @POST
    @Path("tag-groups")
    public Response createGroup(@RestForm String name, @RestForm String position) {
        gate.requireAdmin();
        return attempt(() -> tags.createGroup(name, parsePosition(position)), "added");
    }

    @POST
    @Path("tag-groups/{id}/delete")
    public Response deleteGroup(@PathParam("id") long id) {
        gate.requireAdmin();
        tags.deleteGroup(id);
        return Redirects.seeOther(Notices.after("/admin/tags", "deleted"));
    }

    private Response attempt(Runnable change, String done) {
        try {
            change.run();
            return Redirects.seeOther(Notices.after("/admin/tags", done));
        } catch (InvalidBlogInputException e) {
            return Response.status(400).entity(page(null, e.getMessage(), 400)).build();
        }
    }

    private SxView page(String notice, String error, int status) {
        return SxView.page("~blog/admin/tags", ViewArgs.of()
                .with("tags", tags.all()).with("groups", tags.groups())
                .with("notice", notice).with("error", error).map()).title("Tags").status(status);
    }

    /** An id from a select ("" means none); anything else that is not a number is refused. */
    public static Long optionalId(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(raw.strip());
        } catch (NumberFormatException e) {
            throw new InvalidBlogInputException("Not a valid choice: " + raw.strip());
        }
    }

    private static int parsePosition(String raw) {
        Long n = optionalId(raw);
        return n == null ? 0 : (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, n));
    }
}
