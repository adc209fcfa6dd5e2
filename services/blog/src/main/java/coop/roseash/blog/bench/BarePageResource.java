package coop.roseash.blog.bench;

import coop.roseash.blog.web.Listings;
import coop.roseash.shared.contracts.blog.Paged;
import coop.roseash.shared.web.SxView;
import coop.roseash.shared.web.access.PublicRoute;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.util.List;

/**
 * The load benchmark's baseline (services/blog/bench/compare.sh): the home page's layout and listing, with no posts
 * and no fragments, so the page costs only Quarkus and the SX render. Served only with
 * {@code roseash.blog.bench.bare-page=true} ({@link BarePageGuard}); a 404 otherwise.
 */
@PublicRoute
@Path(BarePageResource.PATH)
public class BarePageResource {

    static final String PATH = "/bench/bare";

    private final Listings listings;

    BarePageResource(Listings listings) {
        this.listings = listings;
    }

    @GET
    public SxView bare() {
        return listings.view("Bare page", "The layout without fragments.", new Paged<>(List.of(), 1, Listings.PAGE_SIZE, 0),
                PATH, "Nothing here: this page measures the layout alone.").title("Bare");
    }
}
