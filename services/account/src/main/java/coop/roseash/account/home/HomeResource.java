package coop.roseash.account.home;

import coop.roseash.account.access.Gate;
import coop.roseash.account.dashboard.AccountPages;
import coop.roseash.shared.web.SxView;
import coop.roseash.shared.web.Visitor;
import coop.roseash.shared.web.access.PublicRoute;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import java.util.HashMap;
import java.util.Map;

/** The account's home: what it is for to a visitor, the member's dashboard once signed in. */
@PublicRoute
@Path("/")
public class HomeResource {

    private final Gate gate;
    private final AccountPages pages;

    HomeResource(Gate gate, AccountPages pages) {
        this.gate = gate;
        this.pages = pages;
    }

    @GET
    public SxView home() {
        Visitor v = gate.visitor();
        if (!v.signedIn()) {
            return SxView.page("~account/home").title("Account");
        }
        Map<String, Object> args = new HashMap<>();
        args.put("pages", AccountPages.pages());
        args.put("nav-items", pages.navItems(v.userId()));
        args.put("admin", v.admin());
        return SxView.page("~account/dashboard", args).title("Your account");
    }
}
