package coop.roseash.arch.routefixture;

import coop.roseash.shared.web.access.InternalRoute;
import coop.roseash.shared.web.access.PublicRoute;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** An internal route declared right and one declared public, for RouteAccessTest. */
@Path("/internal/fixture")
public class FixtureInternalRoutes {

    @GET
    @InternalRoute
    public String signed() {
        return "";
    }

    @GET
    @Path("open")
    @PublicRoute
    public String internalButPublic() {
        return "";
    }
}
