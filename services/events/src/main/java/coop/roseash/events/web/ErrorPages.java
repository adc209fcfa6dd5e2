package coop.roseash.events.web;

import coop.roseash.shared.web.SxView;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ExceptionMapper;

/** {@link InvalidInput} thrown from a page becomes the message page with its status; nothing was changed. */
@Provider
public class ErrorPages implements ExceptionMapper<InvalidInput> {

    @Override
    public Response toResponse(InvalidInput e) {
        return Response.status(e.status()).entity(SxView.page("~events/problem",
                java.util.Map.of("message", e.getMessage(), "status", e.status())).title("Cannot do that")
                .status(e.status())).build();
    }
}
