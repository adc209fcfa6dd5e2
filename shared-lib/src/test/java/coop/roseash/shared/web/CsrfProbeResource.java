package coop.roseash.shared.web;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

/** A state-changing endpoint for CsrfTest, standing in for any form post of a service. */
@Path("/test/csrf-probe")
public class CsrfProbeResource {

    @POST
    public String change() {
        return "changed";
    }
}
