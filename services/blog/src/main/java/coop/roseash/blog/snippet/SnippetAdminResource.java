package coop.roseash.blog.snippet;

import coop.roseash.shared.web.access.AdminOnly;
import coop.roseash.blog.admin.AdminGate;
import coop.roseash.blog.admin.Notices;
import coop.roseash.blog.admin.Redirects;
import coop.roseash.blog.web.ViewArgs;
import coop.roseash.blog.snippet.SnippetView;
import coop.roseash.blog.errors.BlogNotFoundException;
import coop.roseash.blog.errors.InvalidBlogInputException;
import coop.roseash.blog.snippet.SnippetService;
import coop.roseash.shared.web.SxView;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;

/** Admin for snippets (reusable rich-text blocks). */
@AdminOnly
@Path("/admin/snippets")
public class SnippetAdminResource {

    private final AdminGate gate;
    private final SnippetService snippets;

    SnippetAdminResource(AdminGate gate, SnippetService snippets) {
        this.gate = gate;
        this.snippets = snippets;
    }

    @GET
    public SxView list(@QueryParam("done") String done) {
        gate.requireAdmin();
        return page(null, Notices.of(done), null, 200);
    }

    @GET
    @Path("{id}")
    public SxView edit(@PathParam("id") long id, @QueryParam("done") String done) {
        gate.requireAdmin();
        SnippetView s = snippets.byId(id).orElseThrow(() -> new BlogNotFoundException("snippet " + id));
        return page(s, Notices.of(done), null, 200);
    }

    @POST
    public Response create(@RestForm String name, @RestForm String html) {
        gate.requireAdmin();
        try {
            SnippetView s = snippets.create(name, html);
            return Redirects.seeOther(Notices.after("/admin/snippets/" + s.id(), "added"));
        } catch (InvalidBlogInputException e) {
            return Response.status(400).entity(page(null, null, e.getMessage(), 400)).build();
        }
    }

    @POST
    @Path("{id}")
    public Response update(@PathParam("id") long id, @RestForm String name, @RestForm String html) {
        gate.requireAdmin();
        try {
            snippets.update(id, name, html);
            return Redirects.seeOther(Notices.after("/admin/snippets/" + id, "saved"));
        } catch (InvalidBlogInputException e) {
            return Response.status(400).entity(page(new SnippetView(id, name, "", html), null, e.getMessage(), 400)).build();
        }
    }

    @POST
    @Path("{id}/delete")
    public Response delete(@PathParam("id") long id) {
        gate.requireAdmin();
        snippets.delete(id);
        return Redirects.seeOther(Notices.after("/admin/snippets", "deleted"));
    }

    private SxView page(SnippetView editing, String notice, String error, int status) {
        return SxView.page("~blog/admin/snippets", ViewArgs.of()
                .with("snippets", snippets.all()).with("editing", editing)
                .with("notice", notice).with("error", error).map()).title("Snippets").status(status);
    }
}
