package coop.roseash.shared.contracts.events;

/**
 * A ticket issued for a paid order, as the cart's confirmation email shows it.
 *
 * @param code    the ticket's code, which its QR code holds and the check-in page takes
 * @param when    when the event starts, in its calendar's time zone, as a person reads it
 * @param pageUrl the ticket's page on events (public URL), where it shows with its QR code
 */
public record IssuedTicket(long id, String code, String event, String ticketType, String when, String pageUrl) {
}
