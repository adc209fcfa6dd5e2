package coop.roseash.cart.mail;

import coop.roseash.cart.web.Money;
import coop.roseash.shared.config.RoseAshConfig;
import coop.roseash.shared.config.ServiceUrls;
import coop.roseash.shared.contracts.events.IssuedTicket;
import coop.roseash.shared.contracts.events.Tickets;
import coop.roseash.shared.model.cart.Order;
import coop.roseash.shared.model.cart.OrderItem;
import coop.roseash.shared.model.cart.OrderStatus;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The order confirmation email, sent once per paid order. The sender first claims the order's mail with a conditional
 * UPDATE ({@code confirmation_mailed_at IS NULL}), so of any number of racing confirmers exactly one sends; if sending
 * fails the claim is undone and the reconciliation job sends it later, as it does for a mail lost to a crash between
 * the payment's commit and the send. Mail goes to the development sink folder when one is configured (as federation's
 * does), otherwise through Quarkus Mailer. An order with tickets carries each ticket's QR code (from the events
 * domain's {@link Tickets} contract) as an inline PNG the HTML part shows by {@code cid:}; the text part has each
 * ticket's code and link.
 */
@ApplicationScoped
public class ConfirmationMails {

    private static final Logger LOG = Logger.getLogger(ConfirmationMails.class);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final RoseAshConfig config;
    private final ServiceUrls urls;
    private final Mailer mailer;
    private final Tickets tickets;
    private final Template html;
    private final Template text;
    private final Optional<Path> sink;

    ConfirmationMails(RoseAshConfig config, ServiceUrls urls, Mailer mailer, Tickets tickets,
                      @Location("mail/order-confirmation.html") Template html,
                      @Location("mail/order-confirmation.txt") Template text,
                      @ConfigProperty(name = "MAIL_SINK_DIR") Optional<String> sinkDirEnv) {
        this.config = config;
        this.urls = urls;
        this.mailer = mailer;
        this.tickets = tickets;
        this.html = html;
        this.text = text;
        this.sink = sinkDirEnv.or(() -> config.mail().sinkDir()).filter(s -> !s.isBlank()).map(Path::of);
    }

    /** Sends order {@code orderId}'s confirmation if it is paid and nobody sent it yet; true when this call sent it. */
    public boolean sendIfUnsent(long orderId) {
        boolean claimed = QuarkusTransaction.requiringNew().call(() -> Order.update(
                "confirmationMailedAt = ?1 where id = ?2 and status = ?3 and confirmationMailedAt is null"
                        + " and email is not null", Instant.now(), orderId, OrderStatus.PAID) == 1);
        if (!claimed) {
            return false;
        }
        try {
            OrderMail mail = QuarkusTransaction.requiringNew().call(() -> mail(orderId));
            deliver(mail, qrCodes(mail));
            return true;
        } catch (RuntimeException e) {
            LOG.warnf(e, "order %d: confirmation not sent; the reconciliation job tries again", orderId);
            QuarkusTransaction.requiringNew().run(() ->
                    Order.update("confirmationMailedAt = null where id = ?1", orderId));
            return false;
        }
    }

    /** Sends every paid order's confirmation that has not gone yet (after a crash or a mail server outage). */
    public int sendUnsent() {
        List<Long> ids = QuarkusTransaction.requiringNew().call(() -> Order.getEntityManager().createQuery(
                        "select o.id from Order o where o.status = ?1 and o.confirmationMailedAt is null"
                                + " and o.email is not null order by o.paidAt", Long.class)
                .setParameter(1, OrderStatus.PAID).setMaxResults(50).getResultList());
        int sent = 0;
        for (long id : ids) {
            sent += sendIfUnsent(id) ? 1 : 0;
        }
        return sent;
    }

    private OrderMail mail(long orderId) {
        List<OrderMail.TicketLine> issued = new ArrayList<>();
        for (IssuedTicket t : tickets.issuedFor(orderId)) {
            issued.add(new OrderMail.TicketLine(t.event(), t.ticketType(), t.when(), t.code(), t.pageUrl(),
                    "ticket-" + t.id() + "@roseash"));
        }
        Order order = Order.findById(orderId);
        List<OrderMail.Line> lines = OrderItem.<OrderItem>list("order.id = ?1 order by id", orderId).stream()
                .map(i -> new OrderMail.Line(i.title, i.quantity, Money.format(i.unitPriceCents, order.currency),
                        Money.format((long) i.unitPriceCents * i.quantity, order.currency)))
                .toList();
        return new OrderMail(order.id, order.email, Money.format(order.amountCents, order.currency),
                WHEN.format(order.paidAt), urls.publicUrl("cart") + "/orders/" + order.id, lines, issued);
    }

    private List<InlineImage> qrCodes(OrderMail mail) {
        return mail.tickets().stream().map(t -> new InlineImage(t.contentId(), "ticket-" + t.code() + ".png",
                "image/png", tickets.qrPng(t.code()))).toList();
    }

    private void deliver(OrderMail mail, List<InlineImage> images) {
        String subject = "Your Rose Ash order " + mail.id() + " is paid";
        String textBody = text.data("order", mail).render();
        String htmlBody = html.data("order", mail).render();
        if (sink.isPresent()) {
            Path file = MailSinkFile.write(sink.get(), config.mail().from(), mail.to(), subject, textBody, htmlBody,
                    images);
            LOG.infof("order %d: confirmation to %s written to %s", mail.id(), mail.to(), file);
            return;
        }
        mailer.send(smtpMail(config.mail().from(), mail.to(), subject, textBody, htmlBody, images));
    }

    /** The message as Quarkus Mailer sends it: HTML and text, each image attached inline under its Content-ID. */
    static Mail smtpMail(String from, String to, String subject, String textBody, String htmlBody,
                         List<InlineImage> images) {
        Mail mail = Mail.withHtml(to, subject, htmlBody).setText(textBody).setFrom(from);
        for (InlineImage image : images) {
            mail.addInlineAttachment(image.fileName(), image.data(), image.contentType(), "<" + image.contentId() + ">");
        }
        return mail;
    }
}
