package coop.roseash.shared.contracts.events;

import java.util.List;

/** The events domain's tickets, as the cart reads them for an order's confirmation email. */
public interface Tickets {

    /** The tickets issued for order {@code orderId} (once it is paid), in the order they were reserved. */
    List<IssuedTicket> issuedFor(long orderId);

    /** The ticket code's QR code as a PNG: the same code the ticket page shows, for an email's inline image. */
    byte[] qrPng(String code);
}
