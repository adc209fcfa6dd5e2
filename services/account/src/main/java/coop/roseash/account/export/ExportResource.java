package coop.roseash.account.export;

import coop.roseash.account.access.Gate;
import coop.roseash.account.deletion.AccountDeletions;
import coop.roseash.shared.web.SxView;
import coop.roseash.shared.web.Visitor;
import coop.roseash.shared.web.access.MembersOnly;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.Map;

/** The signed-in member's own data as a JSON download; there is no way to ask for anyone else's. */
@MembersOnly
@Path("/export.json")
public class ExportResource {

    private final Gate gate;
    private final MemberExport export;
    private final AccountDeletions deletions;

    ExportResource(Gate gate, MemberExport export, AccountDeletions deletions) {
        this.gate = gate;
        this.export = export;
        this.deletions = deletions;
    }

    @GET
    public Response download() {
        Visitor v = gate.requireMember("/profile");
        // from the confirmation on, even before every service has erased its part
        if (deletions.deleted(v.userId())) {
            return Response.status(Response.Status.GONE).entity(SxView.page("~account/deletion/confirm",
                    Map.of("state", "gone", "action", "/")).title("Account deleted").status(410)).build();
        }
        MemberExport.Export data = export.of(v.userId()).orElseThrow(() -> new NotFoundException("member " + v.userId()));
        return Response.ok(data, MediaType.APPLICATION_JSON_TYPE)
                .header("Content-Disposition", "attachment; filename=\"rose-ash-account.json\"")
                .header("Cache-Control", "no-store")
                .build();
    }
}
