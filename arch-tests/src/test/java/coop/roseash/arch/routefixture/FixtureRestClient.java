package coop.roseash.arch.routefixture;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** A REST client of another system's API: its methods are calls we make, not routes we serve, for RouteAccessTest. */
@RegisterRestClient(configKey = "fixture")
@Path("/v1/things")
public interface FixtureRestClient {

    @GET
    String things();
}
