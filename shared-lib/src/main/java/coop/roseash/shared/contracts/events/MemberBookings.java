package coop.roseash.shared.contracts.events;

import java.time.Instant;
import java.util.List;

/** A member's tickets and calendar bookings, for the member's own data download (account's export). */
public interface MemberBookings {

    /** Every ticket member {@code userId} holds or held, oldest first. */
    List<TicketRecord> tickets(long userId);

    /** Every calendar entry member {@code userId} booked, oldest first. */
    List<BookingRecord> bookings(long userId);

    /** A ticket: its code (the QR's), its state and what it is for. */
    record TicketRecord(String code, String state, String ticketType, int priceCents, String currency, String event,
                        Instant eventStartsAt, Long orderId, Instant checkedInAt, Instant createdAt) {
    }

    /** A booked calendar entry. */
    record BookingRecord(String title, String calendar, Instant startsAt, Instant endsAt, String state, Long orderId,
                         Instant createdAt) {
    }
}
