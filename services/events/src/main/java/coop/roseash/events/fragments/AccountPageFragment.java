package coop.roseash.events.fragments;

import coop.roseash.events.entries.EntryService;
import coop.roseash.shared.services.events.TicketQr;
import coop.roseash.events.tickets.TicketService;
import coop.roseash.events.tickets.TicketView;
import coop.roseash.events.web.Args;
import coop.roseash.shared.config.ServiceUrls;
import coop.roseash.shared.fragments.FragmentParams;
import coop.roseash.shared.fragments.FragmentProvider;
import coop.roseash.shared.fragments.catalogue.FragmentCatalogue;
import coop.roseash.shared.fragments.catalogue.FragmentSpec;
import coop.roseash.sx.SxEngine;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.HashMap;
import java.util.Map;

/**
 * {@code account-page/tickets} and {@code account-page/bookings}: member {@code user_id}'s tickets (each issued one
 * with its QR code, linking to its page) and bookings, for the account service to embed. Another slug renders nothing.
 */
@ApplicationScoped
public class AccountPageFragment implements FragmentProvider {

    private final TicketService tickets;
    private final EntryService entries;
    private final ServiceUrls urls;
    private final SxEngine sx;

    AccountPageFragment(TicketService tickets, EntryService entries, ServiceUrls urls, SxEngine sx) {
        this.tickets = tickets;
        this.entries = entries;
        this.urls = urls;
        this.sx = sx;
    }

    @Override
    public FragmentSpec fragment() {
        return FragmentCatalogue.ACCOUNT_PAGE;
    }

    @Override
    public String render(FragmentParams params) {
        Long user = Params.id(params, "user_id");
        if (user == null) {
            return "";
        }
        String base = urls.publicUrl("events");
        return switch (String.valueOf(params.get("slug"))) {
            case "tickets" -> sx.renderComponent("~events/fragments/account-tickets", Args.of()
                    .with("tickets", tickets.of(user).stream().map(AccountPageFragment::withQr).toList())
                    .with("base", base).map(), null);
            case "bookings" -> sx.renderComponent("~events/fragments/account-bookings", Args.of()
                    .with("bookings", entries.bookingsOf(user)).with("base", base).map(), null);
            default -> "";
        };
    }

    /** A ticket and, once issued, its QR code, so the account page shows what the door scans. */
    private static Map<String, Object> withQr(TicketView t) {
        Map<String, Object> row = new HashMap<>();
        row.put("ticket", t);
        if (t.code() != null) {
            row.put("qr", TicketQr.svg(t.code(), "QR code of ticket " + t.code()));
        }
        return row;
    }
}
