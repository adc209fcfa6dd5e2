package coop.roseash.events.entries;

import coop.roseash.events.posts.EntryPostService;
import coop.roseash.events.posts.PostCards;
import coop.roseash.events.tickets.TicketTypeService;
import coop.roseash.events.web.Args;
import coop.roseash.events.web.EventsGate;
import coop.roseash.events.web.Notices;
import coop.roseash.shared.contracts.Identity;
import coop.roseash.shared.contracts.cart.CartRefusal;
import coop.roseash.shared.contracts.cart.Carts;
import coop.roseash.shared.services.events.TicketOfferSource;
import coop.roseash.shared.web.SxRedirect;
import coop.roseash.shared.web.SxView;
import coop.roseash.shared.web.Visitor;
import coop.roseash.shared.web.access.MembersOnly;
import coop.roseash.shared.web.access.PublicRoute;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;

/** An entry's public page, with its ticket types; members put tickets in their cart from here. */
@Path("/entries/{id}")
public class EntryResource {

    private final EventsGate gate;
    private final EntryService entries;
    private final TicketTypeService ticketTypes;
    private final Carts carts;
    private final EntryPostService posts;
    private final PostCards postCards;

    EntryResource(EventsGate gate, EntryService entries, TicketTypeService ticketTypes, Carts carts,
                  EntryPostService posts, PostCards postCards) {
        this.gate = gate;
        this.entries = entries;
        this.ticketTypes = ticketTypes;
        this.carts = carts;
        this.posts = posts;
        this.postCards = postCards;
    }

    @GET
    @PublicRoute
    public SxView show(@PathParam("id") long id, @QueryParam("done") String done) {
        return page(visible(id), Notices.of(done), null, 200);
    }

    @POST
    @Path("tickets")
    @MembersOnly
    public Response buy(@Context HttpHeaders headers, @PathParam("id") long id,
                        @RestForm("ticket_type") long ticketType, @RestForm String quantity) {
        Visitor member = gate.requireMember();
        EntryView entry = visible(id);
        if (ticketTypes.forEntry(id).stream().noneMatch(t -> t.id() == ticketType)) {
            throw new NotFoundException();
        }
        int count;
        try {
            count = Integer.parseInt(quantity == null ? "" : quantity.strip());
        } catch (NumberFormatException e) {
            count = 0; // the cart refuses it with its own message
        }
        try {
            carts.add(Identity.member(member.userId()), TicketOfferSource.ITEM_TYPE, ticketType, count);
            return SxRedirect.to(headers, Notices.after("/entries/" + id, "added"));
        } catch (CartRefusal refusal) {
            return Response.status(refusal.status()).entity(page(entry, null, refusal.getMessage(),
                    refusal.status())).build();
        }
    }

    /** A public entry, or one the visitor booked, or any for an admin; 404 otherwise (we do not say it exists). */
    private EntryView visible(long id) {
        EntryView e = entries.byId(id).orElseThrow(NotFoundException::new);
        Visitor v = gate.current();
        boolean own = e.userId() != null && e.userId().equals(v.userId());
        if (!e.isPublic() && !own && !v.admin()) {
            throw new NotFoundException();
        }
        return e;
    }

    private SxView page(EntryView e, String notice, String error, int status) {
        return SxView.page("~events/entry", Args.of().with("entry", e)
                .with("ticket-types", ticketTypes.forEntry(e.id()))
                .with("on-sale", "confirmed".equals(e.state()))
                .with("post-cards", postCards.of(posts.postsOf(e.id())))
                .with("notice", notice).with("error", error).map()).title(e.title()).status(status);
    }
}
