package coop.roseash.federation.social;

import coop.roseash.federation.login.FederationSessions;
import coop.roseash.federation.login.Member;
import coop.roseash.federation.login.Members;
import coop.roseash.shared.activitypub.LocalActor;
import coop.roseash.shared.activitypub.LocalActors;
import coop.roseash.shared.activitypub.RemoteActors;
import coop.roseash.shared.activitypub.RemoteFetchRefused;
import coop.roseash.shared.web.SxView;
import coop.roseash.shared.web.access.MembersOnly;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.common.util.Encode;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The social hub: the member's home timeline (posts of the actors they follow), the local timeline (what this
 * site's actors published), finding a remote actor by {@code @name@host}, following, liking and boosting, and
 * notifications (for admins also those of the site's own actors). A member without a username is sent to choose one
 * first.
 */
@MembersOnly
@Path("/social")
public class SocialResource {

    private final FederationSessions sessions;
    private final Members members;
    private final LocalActors actors;
    private final SocialGraph graph;
    private final Timelines timelines;
    private final Compose compose;

    SocialResource(FederationSessions sessions, Members members, LocalActors actors, SocialGraph graph, Timelines timelines,
                   Compose compose) {
        this.members = members;
        this.compose = compose;
        this.sessions = sessions;
        this.actors = actors;
        this.graph = graph;
        this.timelines = timelines;
    }

    @GET
    public Response home(@Context HttpHeaders headers) {
        return asMember(headers, me -> page(SxView.page("~federation/social/timeline", Map.of("heading", "Home",
                "posts", timelines.home(me), "me", me.username())).title("Home")));
    }

    @GET
    @Path("local")
    public Response local(@Context HttpHeaders headers) {
        return asMember(headers, me -> page(SxView.page("~federation/social/timeline", Map.of("heading", "This site",
                "posts", timelines.local(), "me", me.username())).title("This site")));
    }

    @GET
    @Path("notifications")
    public Response notifications(@Context HttpHeaders headers) {
        return asMember(headers, me -> {
            Map<String, Object> args = new HashMap<>();
            args.put("items", timelines.notifications(me));
            if (members.find(me.memberId()).map(Member::admin).orElse(false)) {
                // no member owns the site's own actors (@blog, @events, ...): their notifications are the admins'
                args.put("site-items", timelines.siteNotifications());
            }
            return page(SxView.page("~federation/social/notifications", args).title("Notifications"));
        });
    }

    @GET
    @Path("search")
    public Response search(@QueryParam("q") String q, @Context HttpHeaders headers) {
        return asMember(headers, me -> {
            Map<String, Object> args = new HashMap<>();
            args.put("q", q == null ? "" : q);
            if (q != null && !q.isBlank()) {
                try {
                    RemoteActors.Remote found = graph.find(q);
                    args.put("found", timelines.card(me, found));
                } catch (RemoteFetchRefused e) {
                    args.put("error", "No one was found at " + q.trim() + ". Write a handle as @name@host.");
                }
            }
            return page(SxView.page("~federation/social/search", args).title("Search"));
        });
    }

    @POST
    @Path("follow")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response follow(@FormParam("actor") String actor, @FormParam("undo") String undo, @Context HttpHeaders headers) {
        return asMember(headers, me -> {
            try {
                RemoteActors.Remote them = graph.find(actor);
                if ("true".equals(undo)) {
                    graph.unfollow(me, them);
                } else {
                    graph.follow(me, them);
                }
                return Response.seeOther(URI.create("/social/search?q=" + Encode.encodeQueryParamAsIs(them.uri()))).build();
            } catch (RemoteFetchRefused e) {
                return Response.status(422).entity(SxView.page("~federation/social/search", Map.of("q", actor == null ? "" : actor,
                        "error", "That actor cannot be reached: " + e.getMessage())).title("Search").status(422)).build();
            }
        });
    }

    @POST
    @Path("interact")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response interact(@FormParam("object") String object, @FormParam("kind") String kind, @Context HttpHeaders headers) {
        return asMember(headers, me -> {
            if (object == null || !("like".equals(kind) || "announce".equals(kind))) {
                return Response.status(400).entity(SxView.page("~shared/error", Map.of("status", 400, "heading", "Bad request",
                        "message", "Choose a post to like or boost.")).status(400)).build();
            }
            graph.interact(me, kind, object);
            return Response.seeOther(URI.create("/social")).build();
        });
    }

    @GET
    @Path("compose")
    public Response composeForm(@QueryParam("in-reply-to") String inReplyTo, @Context HttpHeaders headers) {
        return asMember(headers, me -> page(composePage(inReplyTo, "", null)));
    }

    @POST
    @Path("compose")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response send(@FormParam("text") String text, @FormParam("in-reply-to") String inReplyTo,
                         @Context HttpHeaders headers) {
        return asMember(headers, me -> {
            Optional<String> problem = Compose.problem(text);
            if (problem.isPresent()) {
                return Response.status(422).entity(composePage(inReplyTo, text, problem.get()).status(422)).build();
            }
            compose.send(me, text, inReplyTo);
            return Response.seeOther(URI.create("/social/local")).build();
        });
    }

    @GET
    @Path("followers")
    public Response followers(@Context HttpHeaders headers) {
        return asMember(headers, me -> page(SxView.page("~federation/social/people", Map.of("heading", "Followers",
                "people", timelines.followers(me))).title("Followers")));
    }

    @GET
    @Path("following")
    public Response following(@Context HttpHeaders headers) {
        return asMember(headers, me -> page(SxView.page("~federation/social/people", Map.of("heading", "Following",
                "people", timelines.following(me))).title("Following")));
    }

    private static SxView composePage(String inReplyTo, String text, String error) {
        Map<String, Object> args = new HashMap<>();
        if (inReplyTo != null && !inReplyTo.isBlank()) {
            args.put("in-reply-to", inReplyTo);
        }
        args.put("text", text == null ? "" : text);
        if (error != null) {
            args.put("error", error);
        }
        return SxView.page("~federation/social/compose-page", args).title("New note");
    }

    private Response asMember(HttpHeaders headers, java.util.function.Function<LocalActor, Response> action) {
        Optional<FederationSessions.Session> session = sessions.current(headers);
        if (session.isEmpty()) {
            return Response.seeOther(URI.create("/auth/login?continue=/social")).build();
        }
        Optional<LocalActor> me = actors.forMember(session.get().memberId());
        if (me.isEmpty()) {
            return Response.seeOther(URI.create("/choose-username")).build();
        }
        return action.apply(me.get());
    }

    private static Response page(SxView view) {
        return Response.ok(view).header("Cache-Control", "no-store").build();
    }
}
