package coop.roseash.cart.home;

import coop.roseash.shared.web.access.PublicRoute;
import coop.roseash.shared.web.SxView;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** The cart service's home: what it is for. */
@PublicRoute
@Path("/")
public class HomeResource {

    @GET
    public SxView home() {
        return SxView.page("~cart/home").title("Cart");
    }
}
