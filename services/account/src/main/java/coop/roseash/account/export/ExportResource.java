package coop.roseash.account.export;

import coop.roseash.account.access.Gate;
import coop.roseash.shared.web.Visitor;
import coop.roseash.shared.web.access.MembersOnly;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The signed-in member's own data as a JSON download; there is no way to ask for anyone else's. */
@MembersOnly
@Path("/export.json")
public class ExportResource {

    private final Gate gate;
    private final MemberExport export;

    ExportResource(Gate gate, MemberExport export) {
        this.gate = gate;
        this.export = export;
    }

    @GET
    public Response download() {
        Visitor v = gate.requireMember("/profile");
        MemberExport.Export data = export.of(v.userId()).orElseThrow(() -> new NotFoundException("member " + v.userId()));
        return Response.ok(data, MediaType.APPLICATION_JSON_TYPE)
                .header("Content-Disposition", "attachment; filename=\"rose-ash-account.json\"")
                .header("Cache-Control", "no-store")
                .build();
    }
}
