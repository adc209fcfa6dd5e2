package coop.roseash.cart.sumup;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * SumUp's checkouts API (https://developer.sumup.com/api/checkouts): the four calls the cart makes. The base URL is
 * {@code roseash.sumup.api-url}; each page has its own API key, sent as a Bearer token per call. Every call is bounded
 * in time: a slow SumUp must not hold a member's checkout or a webhook for long.
 */
@RegisterRestClient(configKey = "sumup")
@Path("/v0.1/checkouts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface SumUpApi {

    @POST
    @Timeout(value = 8, unit = ChronoUnit.SECONDS)
    SumUpCheckout create(@HeaderParam("Authorization") String bearer, CreateCheckout request);

    @GET
    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    @Path("{id}")
    SumUpCheckout get(@HeaderParam("Authorization") String bearer, @PathParam("id") String id);

    /** Deactivates a checkout nobody paid: its hosted page takes no payment any more. */
    @DELETE
    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    @Path("{id}")
    void deactivate(@HeaderParam("Authorization") String bearer, @PathParam("id") String id);

    @GET
    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    List<SumUpCheckout> byReference(@HeaderParam("Authorization") String bearer,
                                    @QueryParam("checkout_reference") String checkoutReference);
}
