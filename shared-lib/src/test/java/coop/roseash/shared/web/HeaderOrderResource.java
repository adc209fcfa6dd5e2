package coop.roseash.shared.web;

import coop.roseash.shared.web.SxView;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.util.Map;

/** Reports whether the site header was already loading when the resource method ran. */
@Path("/test/header-order")
public class HeaderOrderResource {

    @GET
    public SxView page() {
        return SxView.page("~routetest/header-order", Map.of("loads", RecordingHeaderSource.LOADS.get()));
    }
}
