package coop.roseash.shared.web;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** A page that fails, for the error page test: its detail must never reach the visitor. */
@Path("/test/fails")
public class FailingResource {

    @GET
    public String fail() {
        throw new IllegalStateException("internal detail 4711");
    }
}
