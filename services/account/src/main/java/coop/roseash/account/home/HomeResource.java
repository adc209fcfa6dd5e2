package coop.roseash.account.home;

import coop.roseash.account.access.Gate;
import coop.roseash.account.dashboard.AccountPages;
import coop.roseash.account.dashboard.FediverseHandle;
import coop.roseash.account.sessions.CurrentSession;
import coop.roseash.account.sessions.SignOnSessions;
import coop.roseash.shared.web.SxView;
import coop.roseash.shared.web.Visitor;
import coop.roseash.shared.web.access.PublicRoute;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import java.util.HashMap;
import java.util.Map;

/** The account's home: what it is for to a visitor, the member's dashboard once signed in. */
@PublicRoute
@Path("/")
public class HomeResource {

    private static final Map<String, String> NOTICES = Map.of(
            "signed-out-elsewhere", "Done: you are signed out everywhere else. This browser stays signed in.",
            "no-other-sessions", "You were not signed in anywhere else.",
            "session-ended", "Done: that session is signed out.");

    private final Gate gate;
    private final AccountPages pages;
    private final SignOnSessions sessions;
    private final CurrentSession current;
    private final FediverseHandle handle;

    HomeResource(Gate gate, AccountPages pages, SignOnSessions sessions, CurrentSession current, FediverseHandle handle) {
        this.handle = handle;
        this.gate = gate;
        this.pages = pages;
        this.sessions = sessions;
        this.current = current;
    }

    @GET
    public SxView home(@QueryParam("done") String done) {
        Visitor v = gate.visitor();
        if (!v.signedIn()) {
            return SxView.page("~account/home").title("Account");
        }
        Map<String, Object> args = new HashMap<>();
        args.put("pages", AccountPages.pages());
        args.put("nav-items", pages.navItems(v.userId()));
        args.put("admin", v.admin());
        if (v.admin()) {
            args.put("deliveries-url", handle.deliveriesAdminUrl());
        }
        handle.of(v.userId()).ifPresentOrElse(h -> args.put("handle", h),
                () -> args.put("choose-username-url", handle.chooseUsernameUrl()));
        if (done != null && NOTICES.containsKey(done)) {
            args.put("notice", NOTICES.get(done));
        }
        // the list comes from federation; when it cannot be had the rest of the dashboard still shows
        try {
            args.put("sessions", current.sid().map(sid -> sessions.list(v.userId(), sid)).orElseThrow(() ->
                    new SignOnSessions.Unavailable(409, "Sign out and in again to see where you are signed in.")));
        } catch (SignOnSessions.Unavailable e) {
            args.put("sessions-error", e.getMessage());
        }
        return SxView.page("~account/dashboard", args).title("Your account");
    }
}
