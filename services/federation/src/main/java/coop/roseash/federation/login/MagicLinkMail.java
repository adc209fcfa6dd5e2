package coop.roseash.federation.login;

import coop.roseash.federation.mail.Mailbox;
import coop.roseash.federation.mail.OutgoingMail;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;

/** Writes the sign-in email (Qute template {@code mail/magic-link.txt}) and sends it. */
@ApplicationScoped
class MagicLinkMail {
    private final Template template;
    private final Mailbox mailbox;

    MagicLinkMail(@Location("mail/magic-link.txt") Template template, Mailbox mailbox) {
        this.template = template;
        this.mailbox = mailbox;
    }

    void send(String email, String link) {
        String text = template.data("link", link).data("minutes", MagicLinks.LIFETIME.toMinutes()).render();
        mailbox.send(new OutgoingMail(email, "Your Rose Ash sign-in link", text));
    }
}
