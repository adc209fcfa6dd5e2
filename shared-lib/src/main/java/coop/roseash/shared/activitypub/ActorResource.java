package coop.roseash.shared.activitypub;

import coop.roseash.shared.web.SxView;
import coop.roseash.shared.web.access.PublicRoute;
import coop.roseash.shared.web.csrf.CsrfExempt;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * An actor's document and its collections on blog, market, events and federation: {@code /users/{username}} gives
 * the actor as JSON to ActivityPub clients ({@code application/activity+json}, or {@code application/ld+json} with
 * the ActivityStreams profile) and the profile page to browsers.
 */
@PublicRoute
@Path("/users/{username}")
public class ActorResource {

    static final String JSON_TYPE = "application/activity+json; charset=utf-8";

    private final ActorUrls urls;
    private final LocalActors actors;
    private final ActorDocuments documents;
    private final ActorCollections collections;
    private final InboxProcessor processor;

    ActorResource(ActorUrls urls, LocalActors actors, ActorDocuments documents, ActorCollections collections,
                  InboxProcessor processor) {
        this.processor = processor;
        this.urls = urls;
        this.actors = actors;
        this.documents = documents;
        this.collections = collections;
    }

    @GET
    public Response actor(@PathParam("username") String username, @HeaderParam("Accept") String accept) {
        LocalActor a = find(username);
        if (wantsActivityJson(accept)) {
            return json(documents.actor(a));
        }
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("name", a.shownName());
        args.put("handle", "@" + a.username() + "@" + urls.host(a.service()));
        if (a.summary() != null) {
            args.put("summary", a.summary());
        }
        args.put("kind", a.type());
        args.put("followers", collections.followersCount(a));
        args.put("posts", collections.outboxCount(a));
        if (!"federation".equals(a.service())) {
            args.put("federation-url", urls.base("federation") + "/social/search?q=" + "%40" + a.username() + "%40" + urls.host(a.service()));
        }
        return Response.ok(SxView.page("~shared/actor-profile", args).title(a.shownName())).header("Vary", "Accept").build();
    }

    /** The actor's own inbox; the same processing as the shared one. */
    @POST
    @Path("inbox")
    @CsrfExempt
    @Consumes("*/*")
    public Response inbox(@PathParam("username") String username, byte[] body, @Context HttpHeaders headers,
                          @Context HttpServerRequest request) {
        find(username);
        return processor.receive(InboxResource.signed(body, headers, request));
    }

    @GET
    @Path("outbox")
    public Response outbox(@PathParam("username") String username, @QueryParam("page") Integer page) {
        return collection(username, "outbox", page, collections::outboxCount, collections::outbox);
    }

    @GET
    @Path("followers")
    public Response followers(@PathParam("username") String username, @QueryParam("page") Integer page) {
        return collection(username, "followers", page, collections::followersCount, collections::followers);
    }

    @GET
    @Path("following")
    public Response following(@PathParam("username") String username, @QueryParam("page") Integer page) {
        return collection(username, "following", page, collections::followingCount, collections::following);
    }

    private Response collection(String username, String name, Integer page, Function<LocalActor, Long> count,
                                BiFunction<LocalActor, Integer, List<Object>> items) {
        LocalActor a = find(username);
        if (page != null && (page < 1 || page > 100_000)) {
            throw new NotFoundException();
        }
        String id = urls.actor(a.service(), a.username()) + "/" + name;
        long total = count.apply(a);
        return json(documents.collection(id, total, page, ActorCollections.PAGE_SIZE, page == null ? List.of() : items.apply(a, page)));
    }

    private LocalActor find(String username) {
        if (!urls.servedHere()) {
            throw new NotFoundException();
        }
        return actors.find(urls.self(), username).orElseThrow(() -> actors.deleted(username)
                // 410: fediverse servers read it as "this actor is gone", not "try again later"
                ? new WebApplicationException(Response.status(Response.Status.GONE).type(MediaType.TEXT_PLAIN_TYPE)
                        .entity("This account has been deleted.").build())
                : new NotFoundException());
    }

    static Response json(Object body) {
        return Response.ok(body).type(JSON_TYPE).header("Vary", "Accept").header("Access-Control-Allow-Origin", "*").build();
    }

    /** ActivityPub's media types (section 3.2 of the spec); browsers asking for text/html get the page. */
    static boolean wantsActivityJson(String accept) {
        if (accept == null) {
            return false;
        }
        String a = accept.toLowerCase(Locale.ROOT);
        return a.contains("application/activity+json") || a.contains("application/ld+json");
    }
}
