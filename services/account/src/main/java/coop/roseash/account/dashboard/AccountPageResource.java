package coop.roseash.account.dashboard;

import coop.roseash.account.access.Gate;
import coop.roseash.shared.web.SxView;
import coop.roseash.shared.web.Visitor;
import coop.roseash.shared.web.access.MembersOnly;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import java.util.HashMap;
import java.util.Map;

/** The member's tickets, bookings and orders: each the {@code account-page/{slug}} fragment of its service. */
@MembersOnly
@Path("/page/{slug}")
public class AccountPageResource {

    private final Gate gate;
    private final AccountPages pages;

    AccountPageResource(Gate gate, AccountPages pages) {
        this.gate = gate;
        this.pages = pages;
    }

    @GET
    public SxView page(@PathParam("slug") String slug) {
        Visitor v = gate.requireMember("/");
        AccountPages.Page page = AccountPages.page(slug).orElseThrow(() -> new NotFoundException("account page " + slug));
        Map<String, Object> args = new HashMap<>();
        args.put("page", page);
        args.put("pages", AccountPages.pages());
        args.put("body", pages.body(page, v.userId()));
        return SxView.page("~account/page", args).title(page.title());
    }
}
