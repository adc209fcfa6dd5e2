package coop.roseash.cart.sumup;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.util.Optional;

/**
 * The cart's calls to SumUp ({@link SumUpApi}, bounded in time there), with every failure turned into {@link SumUpUnavailable}. A duplicate reference (409) is answered by looking the
 * checkout up by that reference: the first attempt created it, so this one continues with it.
 */
@ApplicationScoped
public class SumUp {

    private final SumUpApi api;

    SumUp(@RestClient SumUpApi api) {
        this.api = api;
    }

    /** Creates the hosted checkout, or finds the one already created with the same reference. */
    public SumUpCheckout create(String apiKey, CreateCheckout request) {
        try {
            return api.create(bearer(apiKey), request);
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() == 409) {
                return lookUp(apiKey, request.checkoutReference()).orElseThrow(() ->
                        new SumUpUnavailable("SumUp reported a duplicate checkout " + request.checkoutReference()
                                + " but does not list it", e));
            }
            throw unavailable(e);
        } catch (ProcessingException | TimeoutException e) {
            throw unavailable(e);
        }
    }

    /** The checkout as SumUp sees it now. */
    public SumUpCheckout get(String apiKey, String checkoutId) {
        try {
            return api.get(bearer(apiKey), checkoutId);
        } catch (WebApplicationException | ProcessingException | TimeoutException e) {
            throw unavailable(e);
        }
    }

    /**
     * Deactivates checkout {@code checkoutId} ({@code DELETE /v0.1/checkouts/{id}}), so its hosted page no longer takes
     * a payment. SumUp refuses once the checkout was processed (paid, failed): also a {@link SumUpUnavailable}.
     */
    public void deactivate(String apiKey, String checkoutId) {
        try {
            api.deactivate(bearer(apiKey), checkoutId);
        } catch (WebApplicationException | ProcessingException | TimeoutException e) {
            throw unavailable(e);
        }
    }

    /** The checkout created with this reference, if SumUp has one. */
    public Optional<SumUpCheckout> byReference(String apiKey, String checkoutReference) {
        return lookUp(apiKey, checkoutReference);
    }

    private Optional<SumUpCheckout> lookUp(String apiKey, String checkoutReference) {
        try {
            return api.byReference(bearer(apiKey), checkoutReference).stream()
                    .filter(c -> checkoutReference.equals(c.checkoutReference())).findFirst();
        } catch (WebApplicationException | ProcessingException | TimeoutException e) {
            throw unavailable(e);
        }
    }

    private static String bearer(String apiKey) {
        return "Bearer " + apiKey;
    }

    private static SumUpUnavailable unavailable(Exception e) {
        String what = e instanceof WebApplicationException w ? "HTTP " + w.getResponse().getStatus() : e.toString();
        return new SumUpUnavailable("SumUp could not be reached: " + what, e);
    }
}
