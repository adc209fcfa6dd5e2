package coop.roseash.blog.demos;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

/** Test-only endpoint answering an engine request with text/sx that does not read, for the error-handling test. */
@Path("/test/demos/malformed")
public class MalformedSxResource {

    @GET
    public Response malformed() {
        return Response.ok("(div :class \"oops\" \"never closed", "text/sx; charset=utf-8").header("Vary", "SX-Request").build();
    }
}
