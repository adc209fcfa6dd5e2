package coop.roseash.market.web;

import coop.roseash.shared.web.ErrorViews;
import coop.roseash.shared.web.SxView;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Map;

/** The market's errors as pages: what does not exist is 404; a browse filter that means nothing is 400 with why. */
public class MarketErrors {

    @ServerExceptionMapper
    public Response notFound(MarketNotFoundException e) {
        return Response.status(404).entity(ErrorViews.forStatus(404)).build();
    }

    @ServerExceptionMapper
    public Response badFilter(InvalidFilterException e) {
        return Response.status(400).entity(SxView.page("~shared/error",
                        Map.of("status", 400, "heading", "That filter did not work", "message", e.getMessage()))
                .title("Please check the filters").status(400)).build();
    }
}
