package coop.roseash.shared.activitypub;

import coop.roseash.shared.web.access.PublicRoute;
import coop.roseash.shared.web.csrf.CsrfExempt;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * The service's shared inbox ({@code POST /inbox}); each actor's own is {@link ActorResource#inbox}. Every POST must
 * carry a valid HTTP signature (draft-cavage or RFC 9421) by the activity's actor; anything else is 401 and changes
 * nothing. Accepted activities answer 202.
 */
@PublicRoute
@CsrfExempt
@Path("/inbox")
public class InboxResource {

    private final ActorUrls urls;
    private final InboxProcessor processor;

    InboxResource(ActorUrls urls, InboxProcessor processor) {
        this.urls = urls;
        this.processor = processor;
    }

    @POST
    @Consumes("*/*")
    public Response sharedInbox(byte[] body, @Context HttpHeaders headers, @Context HttpServerRequest request) {
        if (!urls.servedHere()) {
            throw new NotFoundException();
        }
        return processor.receive(signed(body, headers, request));
    }

    static SignedRequest signed(byte[] body, HttpHeaders headers, HttpServerRequest request) {
        String host = headers.getHeaderString("Host");
        return new SignedRequest("POST", request.scheme(), host == null ? "" : host, request.uri(),
                SignedRequest.join(headers.getRequestHeaders()), body);
    }
}
