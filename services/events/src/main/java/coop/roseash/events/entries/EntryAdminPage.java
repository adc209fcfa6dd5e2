package coop.roseash.events.entries;

import coop.roseash.events.posts.EntryPostService;
import coop.roseash.events.tickets.TicketTypeService;
import coop.roseash.events.web.Args;
import coop.roseash.events.web.InvalidInput;
import coop.roseash.shared.web.SxView;
import jakarta.enterprise.context.ApplicationScoped;

/** One entry's admin page: its state and the moves it allows, its ticket types, check-in. */
@ApplicationScoped
public class EntryAdminPage {

    private final EntryService entries;
    private final TicketTypeService ticketTypes;
    private final EntryPostService posts;

    EntryAdminPage(EntryService entries, TicketTypeService ticketTypes, EntryPostService posts) {
        this.entries = entries;
        this.ticketTypes = ticketTypes;
        this.posts = posts;
    }

    public SxView render(long id, String notice, String error, int status) {
        EntryView e = entries.byId(id).orElseThrow(() -> new InvalidInput(404, "There is no such entry."));
        return SxView.page("~events/admin/entry", Args.of().with("entry", e)
                .with("ticket-types", ticketTypes.forEntry(id)).with("post-ids", posts.postsOf(id))
                .with("notice", notice).with("error", error).map()).title(e.title()).status(status);
    }
}
