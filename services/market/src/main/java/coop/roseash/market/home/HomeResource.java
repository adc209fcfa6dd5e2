package coop.roseash.market.home;

import coop.roseash.market.page.MarketPages;
import coop.roseash.market.web.ViewArgs;
import coop.roseash.shared.web.SxView;
import coop.roseash.shared.web.VisitorSource;
import coop.roseash.shared.web.access.PublicRoute;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** The market service's home: what it is for, and the open market pages. */
@PublicRoute
@Path("/")
public class HomeResource {

    private final MarketPages markets;
    private final VisitorSource visitors;

    HomeResource(MarketPages markets, VisitorSource visitors) {
        this.markets = markets;
        this.visitors = visitors;
    }

    @GET
    public SxView home() {
        return SxView.page("~market/home", ViewArgs.of()
                .with("markets", markets.open())
                .with("admin", visitors.current().admin())
                .map()).title("Market");
    }
}
