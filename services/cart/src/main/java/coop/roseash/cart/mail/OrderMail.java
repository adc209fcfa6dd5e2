package coop.roseash.cart.mail;

import io.quarkus.qute.TemplateData;

import java.util.List;

/** What the confirmation email says: the order as paid, with a link to it. */
@TemplateData
public record OrderMail(long id, String to, String total, String paidAt, String orderUrl, List<Line> lines) {

    @TemplateData
    public record Line(String title, int quantity, String unitPrice, String lineTotal) {
    }
}
