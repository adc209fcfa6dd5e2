package coop.roseash.events.entries;

import coop.roseash.events.web.EventsGate;
import coop.roseash.events.web.InvalidInput;
import coop.roseash.events.web.Notices;
import coop.roseash.shared.contracts.Identity;
import coop.roseash.shared.contracts.cart.CartRefusal;
import coop.roseash.shared.contracts.cart.Carts;
import coop.roseash.shared.services.events.BookingOfferSource;
import coop.roseash.shared.web.SxRedirect;
import coop.roseash.shared.web.Visitor;
import coop.roseash.shared.web.access.MembersOnly;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;

/**
 * A member books a slot on a day (from the day or week view). A free slot's booking goes on the calendar, pending
 * until an admin moves it; a priced slot's goes into the member's cart, and its place is taken at checkout.
 */
@MembersOnly
@Path("/slots/{id}/book")
public class BookingResource {

    private final EventsGate gate;
    private final EntryService entries;
    private final Carts carts;

    BookingResource(EventsGate gate, EntryService entries, Carts carts) {
        this.gate = gate;
        this.entries = entries;
        this.carts = carts;
    }

    @POST
    public Response book(@Context HttpHeaders headers, @PathParam("id") long slotId, @RestForm String date) {
        Visitor member = gate.requireMember();
        EntryService.SlotDayChoice day = entries.slotDay(slotId, date);
        if (!day.priced()) {
            EntryView booking = entries.book(slotId, date, member.userId(), null);
            return SxRedirect.to(headers, "/entries/" + booking.id());
        }
        try {
            carts.add(Identity.member(member.userId()), BookingOfferSource.ITEM_TYPE, day.slotDayId(), 1);
        } catch (CartRefusal refusal) {
            throw new InvalidInput(refusal.status(), refusal.getMessage());
        }
        return SxRedirect.to(headers, Notices.after("/calendars/" + day.calendarId() + "/day/" + day.date(),
                "booking-in-cart"));
    }
}
