package coop.roseash.blog.ghost;

import coop.roseash.shared.web.access.AdminOnly;
import coop.roseash.blog.admin.AdminGate;
import coop.roseash.blog.admin.Redirects;
import coop.roseash.blog.web.ViewArgs;
import coop.roseash.shared.web.SxView;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

/** The admin page that starts a Ghost import and shows its progress (it refreshes itself while running). */
@AdminOnly
@Path("/admin/import")
public class GhostImportResource {

    private final AdminGate gate;
    private final GhostImporter importer;

    GhostImportResource(AdminGate gate, GhostImporter importer) {
        this.gate = gate;
        this.importer = importer;
    }

    @GET
    public SxView show() {
        gate.requireAdmin();
        return SxView.page("~blog/admin/import", ViewArgs.of()
                .with("configured", importer.configured()).with("api", importer.api())
                .with("progress", importer.progress()).map()).title("Ghost import");
    }

    @POST
    public Response start() {
        gate.requireAdmin();
        if (!importer.configured()) {
            return Response.status(409).entity(SxView.page("~blog/admin/import", ViewArgs.of()
                    .with("configured", false).with("progress", importer.progress()).map())
                    .title("Ghost import").status(409)).build();
        }
        importer.start();
        return Redirects.seeOther("/admin/import");
    }
}
