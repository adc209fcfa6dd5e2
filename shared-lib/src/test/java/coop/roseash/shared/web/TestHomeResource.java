package coop.roseash.shared.web;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** A home page for shared-lib's web tests: a page in the shared layout, as every service's home is. */
@Path("/")
public class TestHomeResource {

    @GET
    // a test class returning SxView gets JSON as its inferred type (the services' resources do not): say what it is
    @Produces({MediaType.TEXT_HTML, "text/sx"})
    public SxView home() {
        return SxView.page("~routetest/home").title("Shared library test");
    }
}
