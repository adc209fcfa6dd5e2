package coop.roseash.events.checkin;

import coop.roseash.events.entries.EntryService;
import coop.roseash.events.entries.EntryView;
import coop.roseash.events.web.Args;
import coop.roseash.events.web.EventsGate;
import coop.roseash.events.web.InvalidInput;
import coop.roseash.shared.web.SxView;
import coop.roseash.shared.web.access.AdminOnly;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.jboss.resteasy.reactive.RestForm;

/** The door of an entry: an admin types (or pastes a scanned) ticket code. */
@AdminOnly
@Path("/admin/entries/{id}/check-in")
public class CheckInResource {

    private final EventsGate gate;
    private final EntryService entries;
    private final CheckInService door;

    CheckInResource(EventsGate gate, EntryService entries, CheckInService door) {
        this.gate = gate;
        this.entries = entries;
        this.door = door;
    }

    @GET
    public SxView form(@PathParam("id") long id) {
        gate.requireAdmin();
        return page(entry(id), null);
    }

    @POST
    public SxView checkIn(@PathParam("id") long id, @RestForm String code) {
        gate.requireAdmin();
        EntryView e = entry(id);
        CheckInResult result = door.checkIn(id, code);
        return page(e, result).status(result.status());
    }

    private EntryView entry(long id) {
        return entries.byId(id).orElseThrow(() -> new InvalidInput(404, "There is no such entry."));
    }

    private static SxView page(EntryView e, CheckInResult result) {
        return SxView.page("~events/admin/check-in", Args.of().with("entry", e).with("result", result).map())
                .title("Check-in: " + e.title());
    }
}
