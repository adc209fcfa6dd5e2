package coop.roseash.account.sending;

import coop.roseash.account.unsubscribe.UnsubscribeTokens;
import coop.roseash.shared.config.ServiceUrls;
import io.quarkus.mailer.Mail;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * One newsletter email: HTML and text parts from the Qute templates {@code newsletter/issue.html} and
 * {@code .txt}, with the subscription's one-click unsubscribe link in the body and in the
 * {@code List-Unsubscribe} and {@code List-Unsubscribe-Post} headers (RFC 8058).
 */
@ApplicationScoped
public class IssueMail {

    private final Template html;
    private final Template text;
    private final UnsubscribeTokens tokens;
    private final ServiceUrls urls;

    IssueMail(@Location("newsletter/issue.html") Template html, @Location("newsletter/issue.txt") Template text,
              UnsubscribeTokens tokens, ServiceUrls urls) {
        this.html = html;
        this.text = text;
        this.tokens = tokens;
        this.urls = urls;
    }

    /** What one email is made of: the issue (its body already sanitized) and the subscription it goes to. */
    public record Content(long issueId, String newsletter, String subject, String bodyHtml,
                          long subscriptionId, String nonce, String email) {
    }

    /** The email for a subscriber: with their own unsubscribe link. */
    public Mail forSubscriber(Content c) {
        String unsubscribe = urls.publicUrl("account") + "/unsubscribe/" + tokens.token(c.subscriptionId(), c.nonce());
        Mail mail = build(c, unsubscribe);
        mail.addHeader("List-Unsubscribe", "<" + unsubscribe + ">");
        mail.addHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        // the same id for the same recipient and issue: a receiver may drop the copy of the rare resend after a crash
        mail.addHeader("Message-ID", "<issue-" + c.issueId() + ".subscription-" + c.subscriptionId() + "@roseash.account>");
        return mail;
    }

    /** The admin's test copy: the real layout, with a link to the newsletters page where unsubscribing happens. */
    public Mail testCopy(Content c) {
        Mail mail = build(c, urls.publicUrl("account") + "/newsletters");
        mail.setSubject("[Test] " + c.subject());
        return mail;
    }

    private Mail build(Content c, String unsubscribe) {
        String htmlPart = html.data("newsletter", c.newsletter()).data("subject", c.subject()).data("body", c.bodyHtml())
                .data("email", c.email()).data("unsubscribeUrl", unsubscribe).render();
        String textPart = text.data("newsletter", c.newsletter()).data("subject", c.subject())
                .data("bodyText", plainText(c.bodyHtml())).data("email", c.email()).data("unsubscribeUrl", unsubscribe)
                .render();
        Mail mail = new Mail();
        mail.addTo(c.email());
        mail.setSubject(c.subject());
        mail.setHtml(htmlPart);
        mail.setText(textPart);
        return mail;
    }

    /** The body as text: one paragraph (or heading, list item, quote) per block, links followed by their address. */
    static String plainText(String bodyHtml) {
        var body = Jsoup.parseBodyFragment(bodyHtml == null ? "" : bodyHtml).body();
        for (Element a : body.select("a[href]")) {
            a.appendText(" (" + a.attr("href") + ")");
        }
        for (Element li : body.select("li")) {
            li.prependText("- ");
        }
        StringBuilder out = new StringBuilder();
        for (Element block : body.select("p, h1, h2, h3, h4, h5, h6, li, blockquote, pre, figcaption")) {
            if (block.parents().stream().anyMatch(p -> p.is("p, li, blockquote"))) {
                continue; // its text is part of the enclosing block's
            }
            String t = block.is("pre") ? block.wholeText() : block.text();
            if (!t.isBlank()) {
                out.append(t.strip()).append("\n\n");
            }
        }
        if (out.isEmpty()) {
            out.append(body.text());
        }
        return out.toString().strip();
    }
}
