package coop.roseash.shared.activitypub;

import coop.roseash.shared.web.access.PublicRoute;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import java.util.Locale;
import java.util.Optional;

/** WebFinger: {@code acct:} of this service's host, or an actor's address. */
@PublicRoute
@Path("/.well-known/webfinger")
public class WebFingerResource {

    private final ActorUrls urls;
    private final LocalActors actors;
    private final ActorDocuments documents;

    WebFingerResource(ActorUrls urls, LocalActors actors, ActorDocuments documents) {
        this.urls = urls;
        this.actors = actors;
        this.documents = documents;
    }

    @GET
    public Response webfinger(@QueryParam("resource") String resource) {
        if (!urls.servedHere()) {
            throw new NotFoundException();
        }
        if (resource == null || resource.isBlank()) {
            return Response.status(400).type("text/plain").entity("resource is required, e.g. acct:name@" + urls.host(urls.self()))
                    .build();
        }
        return findResource(resource.trim())
                .map(a -> Response.ok(documents.webfinger(a)).type("application/jrd+json; charset=utf-8")
                        .header("Access-Control-Allow-Origin", "*").build())
                .orElseThrow(NotFoundException::new);
    }

    private Optional<LocalActor> findResource(String resource) {
        String service = urls.self();
        if (resource.regionMatches(true, 0, "acct:", 0, 5)) {
            String acct = resource.substring(5);
            int at = acct.lastIndexOf('@');
            if (at <= 0 || !acct.substring(at + 1).equalsIgnoreCase(urls.host(service))) {
                return Optional.empty();
            }
            return actors.find(service, acct.substring(0, at).toLowerCase(Locale.ROOT));
        }
        return urls.parse(resource).filter(ref -> ref.service().equals(service))
                .flatMap(ref -> actors.find(service, ref.username()));
    }

}
