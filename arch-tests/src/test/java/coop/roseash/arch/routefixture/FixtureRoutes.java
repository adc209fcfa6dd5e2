package coop.roseash.arch.routefixture;

import coop.roseash.shared.web.access.AdminOnly;
import coop.roseash.shared.web.access.InternalRoute;
import coop.roseash.shared.web.access.MembersOnly;
import coop.roseash.shared.web.access.PublicRoute;
import coop.roseash.shared.web.csrf.CsrfExempt;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

/** Routes with each mistake RouteAccess catches, and two correct ones, for RouteAccessTest. */
@Path("/fixture")
public class FixtureRoutes {

    private final FixtureAdminGate gate = new FixtureAdminGate();

    @GET
    @Path("undeclared")
    public String undeclared() {
        return "";
    }

    @GET
    @Path("twice")
    @PublicRoute
    @AdminOnly
    public String twice() {
        return "";
    }

    @POST
    @Path("gated-but-public")
    @PublicRoute
    public String gatedButPublic() {
        gate.requireAdmin();
        return "";
    }

    @POST
    @Path("admin-without-gate")
    @AdminOnly
    public String adminWithoutGate() {
        return "";
    }

    @GET
    @Path("signed")
    @InternalRoute
    public String internalOutsideInternal() {
        return "";
    }

    @POST
    @Path("exempt")
    @MembersOnly
    @CsrfExempt
    public String exemptButMembersOnly() {
        return "";
    }

    @GET
    @Path("admin")
    @AdminOnly
    public String admin() {
        gate.requireAdmin();
        return "";
    }
}
