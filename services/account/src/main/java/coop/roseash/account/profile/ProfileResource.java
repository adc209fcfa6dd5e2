package coop.roseash.account.profile;

import coop.roseash.account.InvalidInput;
import coop.roseash.account.access.Gate;
import coop.roseash.account.deletion.AccountDeletions;
import coop.roseash.shared.contracts.federation.MemberRef;
import coop.roseash.shared.contracts.federation.Members;
import coop.roseash.shared.fragments.FragmentCache;
import coop.roseash.shared.fragments.catalogue.FragmentCatalogue;
import coop.roseash.shared.web.SxRedirect;
import coop.roseash.shared.web.SxView;
import coop.roseash.shared.web.Visitor;
import coop.roseash.shared.web.access.MembersOnly;
import coop.roseash.shared.web.access.PublicRoute;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;

import java.util.HashMap;
import java.util.Map;

/**
 * The member's profile: the name every service's header shows (stored by federation, changed through its
 * {@link Members} contract) and the email address, changed once a link mailed to the new address confirms it.
 */
@Path("/profile")
public class ProfileResource {

    private static final Map<String, String> NOTICES = Map.of(
            "renamed", "Saved: every page's header shows your new name.",
            "email-sent", "We emailed a link to the new address. Open it to finish the change.",
            "delete-sent", "We emailed you a link to confirm the deletion of your account. It works once, for an hour.");

    private final Gate gate;
    private final Members members;
    private final EmailChanges emailChanges;
    private final FragmentCache fragments;
    private final AccountDeletions deletions;

    ProfileResource(Gate gate, Members members, EmailChanges emailChanges, FragmentCache fragments,
                    AccountDeletions deletions) {
        this.deletions = deletions;
        this.gate = gate;
        this.members = members;
        this.emailChanges = emailChanges;
        this.fragments = fragments;
    }

    @GET
    @MembersOnly
    public SxView profile(@QueryParam("done") String done) {
        Visitor v = gate.requireMember("/profile");
        return page(v, done == null ? null : NOTICES.get(done), null, null, 200);
    }

    @POST
    @Path("name")
    @MembersOnly
    public Response rename(@Context HttpHeaders headers, @RestForm("display_name") String displayName) {
        Visitor v = gate.requireMember("/profile");
        try {
            members.rename(v.userId(), displayName).orElseThrow(() -> new WebApplicationException(404));
        } catch (IllegalArgumentException e) {
            String message = "A name is at most " + Members.MAX_DISPLAY_NAME + " characters, on one line.";
            return Response.status(400).entity(page(v, null, message, displayName, 400)).build();
        }
        // federation's auth-menu (the header's name) is cached per member: drop this member's copies everywhere
        fragments.invalidateWhere("federation", FragmentCatalogue.AUTH_MENU.name(), "user_id", v.userId());
        return SxRedirect.to(headers, "/profile?done=renamed");
    }

    @POST
    @Path("email")
    @MembersOnly
    public Response changeEmail(@Context HttpHeaders headers, @RestForm String email) {
        Visitor v = gate.requireMember("/profile");
        MemberRef me = current(v);
        try {
            emailChanges.request(v.userId(), me.email(), email);
        } catch (InvalidInput e) {
            return Response.status(e.status()).entity(page(v, null, e.getMessage(), null, e.status())).build();
        }
        return SxRedirect.to(headers, "/profile?done=email-sent");
    }

    /** Mails the member a link that confirms the deletion of their account ({@code deletion/DeletionResource}). */
    @POST
    @Path("delete")
    @MembersOnly
    public Response requestDeletion(@Context HttpHeaders headers) {
        Visitor v = gate.requireMember("/profile");
        deletions.request(v.userId(), current(v).email());
        return SxRedirect.to(headers, "/profile?done=delete-sent");
    }

    /** The link mailed to the new address: a button, so a mail scanner opening it changes nothing. */
    @GET
    @Path("email/confirm/{token}")
    @PublicRoute
    public SxView confirmPage(@PathParam("token") String token) {
        return emailChanges.pending(token).map(email -> confirmView("ask", email, token, null, 200))
                .orElseGet(() -> confirmView("invalid", null, token, null, 404));
    }

    @POST
    @Path("email/confirm/{token}")
    @PublicRoute
    public SxView confirm(@PathParam("token") String token) {
        try {
            return emailChanges.confirm(token).map(email -> confirmView("done", email, token, null, 200))
                    .orElseGet(() -> confirmView("invalid", null, token, null, 404));
        } catch (InvalidInput e) {
            return confirmView("refused", null, token, e.getMessage(), e.status());
        }
    }

    private MemberRef current(Visitor v) {
        return members.byId(v.userId()).orElseGet(() -> new MemberRef(v.userId(), v.email(), v.displayName()));
    }

    private SxView page(Visitor v, String notice, String error, String typedName, int status) {
        MemberRef me = current(v);
        Map<String, Object> args = new HashMap<>();
        args.put("email", me.email());
        String name = typedName != null ? typedName : me.displayName();
        if (name != null) {
            args.put("display-name", name);
        }
        args.put("max-name", Members.MAX_DISPLAY_NAME);
        if (notice != null) {
            args.put("notice", notice);
        }
        if (error != null) {
            args.put("error", error);
        }
        return SxView.page("~account/profile", args).title("Your profile").status(status);
    }

    private static SxView confirmView(String state, String email, String token, String error, int status) {
        Map<String, Object> args = new HashMap<>();
        args.put("state", state);
        args.put("action", "/profile/email/confirm/" + token);
        if (email != null) {
            args.put("email", email);
        }
        if (error != null) {
            args.put("error", error);
        }
        return SxView.page("~account/profile/confirm-email", args).title("Confirm your new address").status(status);
    }
}
