package coop.roseash.shared.web;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** A home page for shared-lib's web tests: a page in the shared layout, as every service's home is. */
@Path("/")
public class TestHomeResource {

    @GET
    public SxView home() {
        return SxView.page("~routetest/home").title("Shared library test");
    }
}
