package coop.roseash.federation.activitypub;

import coop.roseash.federation.login.FederationSessions;
import coop.roseash.federation.login.Member;
import coop.roseash.federation.login.Members;
import coop.roseash.shared.activitypub.ActorUrls;
import coop.roseash.shared.activitypub.KeySeal;
import coop.roseash.shared.activitypub.LocalActor;
import coop.roseash.shared.activitypub.LocalActors;
import coop.roseash.shared.activitypub.UsernameRules;
import coop.roseash.shared.web.SxView;
import coop.roseash.shared.web.access.MembersOnly;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A member chooses their username once: it names their actor on every service ({@code @name@federation.{domain}},
 * {@code @name@blog.{domain}}, ...) and comes with the actor's keypair. Taken, reserved and malformed names are
 * refused with a message; a second choice is refused.
 */
@MembersOnly
@Path("/choose-username")
public class ChooseUsernameResource {

    static final String LOGIN = "/auth/login?continue=/choose-username";

    private final FederationSessions sessions;
    private final Members members;
    private final LocalActors actors;
    private final ActorUrls urls;
    private final KeySeal seal;

    ChooseUsernameResource(FederationSessions sessions, Members members, LocalActors actors, ActorUrls urls, KeySeal seal) {
        this.sessions = sessions;
        this.members = members;
        this.actors = actors;
        this.urls = urls;
        this.seal = seal;
    }

    @GET
    public Response show(@Context HttpHeaders headers) {
        Optional<Member> member = member(headers);
        if (member.isEmpty()) {
            return Response.seeOther(URI.create(LOGIN)).build();
        }
        Optional<LocalActor> chosen = actors.forMember(member.get().id());
        if (chosen.isPresent()) {
            return page(chosenPage(chosen.get()), 200);
        }
        return page(form("", member.get().shownName(), null), 200);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response choose(@FormParam("username") String username, @FormParam("display-name") String displayName,
                           @Context HttpHeaders headers) {
        Optional<Member> member = member(headers);
        if (member.isEmpty()) {
            return Response.seeOther(URI.create(LOGIN)).build();
        }
        Optional<LocalActor> chosen = actors.forMember(member.get().id());
        if (chosen.isPresent()) {
            return page(chosenPage(chosen.get()).status(409), 409);
        }
        String name = username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
        String shown = displayName == null || displayName.isBlank() ? member.get().shownName() : displayName.trim();
        if (shown.length() > 100) {
            return page(form(name, shown, "A display name has at most 100 characters.").status(422), 422);
        }
        Optional<String> problem = UsernameRules.problem(name);
        if (problem.isPresent()) {
            return page(form(username == null ? "" : username, shown, problem.get()).status(422), 422);
        }
        if (!seal.available()) {
            return page(form(name, shown, "Usernames cannot be chosen right now: the site is not set up for it yet. "
                    + "Please tell an administrator.").status(503), 503);
        }
        LocalActors.Choice choice = actors.choose(member.get().id(), name, shown);
        if (choice.refusal().isPresent()) {
            if (choice.refusal().get() == LocalActors.Refusal.ALREADY_CHOSEN) {
                return page(chosenPage(actors.forMember(member.get().id()).orElseThrow()).status(409), 409);
            }
            return page(form(name, shown, "“" + name + "” is taken. Choose another username.").status(422), 422);
        }
        return Response.seeOther(URI.create("/choose-username")).header("Cache-Control", "no-store").build();
    }

    private Optional<Member> member(HttpHeaders headers) {
        return sessions.current(headers).flatMap(s -> members.find(s.memberId()));
    }

    private SxView chosenPage(LocalActor actor) {
        Map<String, Object> args = new HashMap<>();
        args.put("handle", "@" + actor.username() + "@" + urls.host("federation"));
        args.put("profile-url", urls.actor("federation", actor.username()));
        return SxView.page("~federation/activitypub/username-chosen", args).title("Your username");
    }

    private SxView form(String username, String displayName, String error) {
        Map<String, Object> args = new HashMap<>();
        args.put("username", username);
        args.put("display-name", displayName);
        args.put("host", urls.host("federation"));
        if (error != null) {
            args.put("error", error);
        }
        return SxView.page("~federation/activitypub/choose-username", args).title("Choose your username");
    }

    private static Response page(SxView view, int status) {
        return Response.status(status).entity(view).header("Cache-Control", "no-store").build();
    }
}
