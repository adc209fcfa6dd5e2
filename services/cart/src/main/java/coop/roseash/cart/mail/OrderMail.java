package coop.roseash.cart.mail;

import io.quarkus.qute.TemplateData;

import java.util.List;

/** What the confirmation email says: the order as paid, with a link to it, and the tickets it issued. */
@TemplateData
public record OrderMail(long id, String to, String total, String paidAt, String orderUrl, List<Line> lines,
                        List<TicketLine> tickets) {

    @TemplateData
    public record Line(String title, int quantity, String unitPrice, String lineTotal) {
    }

    /** A ticket with its QR code, an inline image the HTML part shows as {@code cid:contentId}. */
    @TemplateData
    public record TicketLine(String event, String ticketType, String when, String code, String pageUrl,
                             String contentId) {
    }
}
