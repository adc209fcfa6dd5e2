package coop.roseash.blog.ghost;

import coop.roseash.shared.web.access.PublicRoute;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import coop.roseash.blog.ghost.ImportService;
import coop.roseash.blog.errors.InvalidBlogInputException;
import coop.roseash.shared.web.csrf.CsrfExempt;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.util.Optional;

/**
 * Keeps imported content in step with Ghost: Ghost's post and page webhooks (published, edited, unpublished,
 * deleted) POST here, signed with the webhook secret ({@code roseash.blog.ghost.webhook-secret}). A call whose
 * signature does not verify changes nothing and gets 401.
 */
@PublicRoute
@Path("/ghost/webhook")
@CsrfExempt
public class GhostWebhookResource {

    private final ImportService imports;
    private final ObjectMapper json;
    private final Optional<GhostWebhookSignature> signature;

    GhostWebhookResource(ImportService imports, ObjectMapper json,
                         @ConfigProperty(name = "roseash.blog.ghost.webhook-secret") Optional<String> secret) {
        this.imports = imports;
        this.json = json;
        this.signature = secret.filter(s -> !s.isBlank()).map(s -> new GhostWebhookSignature(s, Clock.systemUTC()));
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.TEXT_PLAIN)
    public Response receive(@HeaderParam("X-Ghost-Signature") String header, String body) {
        if (signature.isEmpty()) {
            return Response.status(503).entity("Ghost webhooks are not configured on this blog.").build();
        }
        if (!signature.get().valid(header, body)) {
            return Response.status(401).entity("Bad or missing X-Ghost-Signature.").build();
        }
        JsonNode payload;
        try {
            payload = json.readTree(body);
        } catch (JsonProcessingException e) {
            return Response.status(400).entity("The body is not JSON.").build();
        }
        String type = payload.has("page") ? "page" : payload.has("post") ? "post" : null;
        if (type == null) {
            return Response.status(400).entity("Expected a post or page event.").build();
        }
        JsonNode current = payload.path(type).path("current");
        JsonNode previous = payload.path(type).path("previous");
        try {
            if (current.path("id").isTextual()) {
                imports.upsertPost(GhostJson.post(current, type));
                return Response.ok("stored").build();
            }
            // deleted: Ghost sends an empty current and the item as previous
            if (previous.path("id").isTextual()) {
                imports.deletePost(previous.get("id").asText());
                return Response.ok("deleted").build();
            }
        } catch (InvalidBlogInputException e) {
            return Response.status(422).entity(e.getMessage()).build();
        }
        return Response.status(400).entity("The event names no post.").build();
    }
}
