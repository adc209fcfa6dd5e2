package coop.roseash.events.slots;

import coop.roseash.events.calendar.CalendarAdminPage;
import coop.roseash.events.web.EventsGate;
import coop.roseash.events.web.InvalidInput;
import coop.roseash.events.web.Notices;
import coop.roseash.shared.web.SxRedirect;
import coop.roseash.shared.web.access.AdminOnly;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;

/** Admin: add and delete a calendar's recurring slots, set a slot's price, close one on a date or change its times. */
@AdminOnly
@Path("/admin")
public class SlotAdminResource {

    private final EventsGate gate;
    private final SlotService slots;
    private final CalendarAdminPage calendarPages;

    SlotAdminResource(EventsGate gate, SlotService slots, CalendarAdminPage calendarPages) {
        this.gate = gate;
        this.slots = slots;
        this.calendarPages = calendarPages;
    }

    @POST
    @Path("calendars/{id}/slots")
    public Response add(@Context HttpHeaders headers, @PathParam("id") long calendarId,
                        @RestForm("day_of_week") String day, @RestForm("start_time") String start,
                        @RestForm("end_time") String end, @RestForm String label, @RestForm String capacity,
                        @RestForm String price) {
        gate.requireAdmin();
        try {
            slots.add(calendarId, day, start, end, label, capacity, price);
            return SxRedirect.to(headers, Notices.after("/admin/calendars/" + calendarId, "saved"));
        } catch (InvalidInput e) {
            return refused(calendarId, e);
        }
    }

    /** A blank price makes the slot's bookings free again (booked directly); a price sends them through the cart. */
    @POST
    @Path("slots/{id}/price")
    public Response price(@Context HttpHeaders headers, @PathParam("id") long slotId, @RestForm String price) {
        gate.requireAdmin();
        try {
            long calendarId = slots.setPrice(slotId, price);
            return SxRedirect.to(headers, Notices.after("/admin/calendars/" + calendarId, "saved"));
        } catch (InvalidInput e) {
            return refusedOnSlot(slotId, e);
        }
    }

    @POST
    @Path("slots/{id}/exceptions")
    public Response except(@Context HttpHeaders headers, @PathParam("id") long slotId, @RestForm String date,
                           @RestForm String closed, @RestForm("start_time") String start,
                           @RestForm("end_time") String end) {
        gate.requireAdmin();
        try {
            long calendarId = slots.addException(slotId, date, closed != null, start, end);
            return SxRedirect.to(headers, Notices.after("/admin/calendars/" + calendarId, "saved"));
        } catch (InvalidInput e) {
            return refusedOnSlot(slotId, e);
        }
    }

    @POST
    @Path("slots/{id}/delete")
    public Response delete(@Context HttpHeaders headers, @PathParam("id") long slotId) {
        gate.requireAdmin();
        long calendarId = slots.delete(slotId);
        return SxRedirect.to(headers, Notices.after("/admin/calendars/" + calendarId, "deleted"));
    }

    /** The slot's calendar page again with the message; no such slot: the refusal as it is (404). */
    private Response refusedOnSlot(long slotId, InvalidInput e) {
        Long calendarId = slots.calendarOf(slotId);
        if (calendarId == null) {
            throw e;
        }
        return refused(calendarId, e);
    }

    private Response refused(long calendarId, InvalidInput e) {
        return Response.status(e.status()).entity(calendarPages.render(calendarId, null, e.getMessage(),
                e.status())).build();
    }
}
