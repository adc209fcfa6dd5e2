package coop.roseash.events.posts;

import coop.roseash.events.entries.EntryAdminPage;
import coop.roseash.events.web.EventsGate;
import coop.roseash.events.web.InvalidInput;
import coop.roseash.events.web.Notices;
import coop.roseash.shared.fragments.FragmentCache;
import coop.roseash.shared.fragments.catalogue.FragmentCatalogue;
import coop.roseash.shared.web.SxRedirect;
import coop.roseash.shared.web.access.AdminOnly;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;

/** Admin: link an entry to a blog post (the post then shows the entry, the entry the post), or unlink it. */
@AdminOnly
@Path("/admin/entries/{id}/posts")
public class EntryPostAdminResource {

    private final EventsGate gate;
    private final EntryPostService links;
    private final EntryAdminPage entryPage;
    private final FragmentCache cache;

    EntryPostAdminResource(EventsGate gate, EntryPostService links, EntryAdminPage entryPage, FragmentCache cache) {
        this.gate = gate;
        this.links = links;
        this.entryPage = entryPage;
        this.cache = cache;
    }

    @POST
    public Response link(@Context HttpHeaders headers, @PathParam("id") long entryId, @RestForm("post_id") String postId) {
        gate.requireAdmin();
        try {
            links.link(entryId, postId);
        } catch (InvalidInput e) {
            if (e.status() == 404) {
                throw e;
            }
            return Response.status(e.status()).entity(entryPage.render(entryId, null, e.getMessage(), e.status()))
                    .build();
        }
        // the post's container-cards now include this entry
        cache.invalidateWhere("events", FragmentCatalogue.CONTAINER_CARDS.name(), "container_type", "post");
        return SxRedirect.to(headers, Notices.after("/admin/entries/" + entryId, "saved"));
    }

    @POST
    @Path("{post}/delete")
    public Response unlink(@Context HttpHeaders headers, @PathParam("id") long entryId, @PathParam("post") long postId) {
        gate.requireAdmin();
        links.unlink(entryId, postId);
        cache.invalidateWhere("events", FragmentCatalogue.CONTAINER_CARDS.name(), "container_type", "post");
        return SxRedirect.to(headers, Notices.after("/admin/entries/" + entryId, "deleted"));
    }
}
