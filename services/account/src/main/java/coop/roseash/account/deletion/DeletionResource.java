package coop.roseash.account.deletion;

import coop.roseash.shared.fragments.FragmentCache;
import coop.roseash.shared.fragments.catalogue.FragmentCatalogue;
import coop.roseash.shared.web.SxView;
import coop.roseash.shared.web.access.PublicRoute;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import java.util.HashMap;
import java.util.Map;

/**
 * The link mailed to confirm the deletion of an account (asked for on the profile page, {@code POST /profile/delete}):
 * its page asks once more (a mail scanner opening it deletes nothing) and its post deletes.
 */
@PublicRoute
@Path("/delete/confirm/{token}")
public class DeletionResource {

    private final AccountDeletions deletions;
    private final FragmentCache fragments;

    DeletionResource(AccountDeletions deletions, FragmentCache fragments) {
        this.deletions = deletions;
        this.fragments = fragments;
    }

    @GET
    public SxView confirmPage(@PathParam("token") String token) {
        return deletions.pending(token).map(email -> view("ask", email, token, 200))
                .orElseGet(() -> view("invalid", null, token, 404));
    }

    @POST
    public SxView confirm(@PathParam("token") String token) {
        return deletions.confirm(token).map(userId -> {
            // the header's name goes at once; federation signs the member out everywhere when it handles the event
            fragments.invalidateWhere("federation", FragmentCatalogue.AUTH_MENU.name(), "user_id", userId);
            return view("done", null, token, 200);
        }).orElseGet(() -> view("invalid", null, token, 404));
    }

    private static SxView view(String state, String email, String token, int status) {
        Map<String, Object> args = new HashMap<>();
        args.put("state", state);
        args.put("action", "/delete/confirm/" + token);
        if (email != null) {
            args.put("email", email);
        }
        return SxView.page("~account/deletion/confirm", args).title("Delete your account").status(status);
    }
}
