package coop.roseash.account.issues;

import coop.roseash.account.InvalidInput;
import coop.roseash.account.sending.IssueMail;
import coop.roseash.account.sending.Postman;
import coop.roseash.shared.model.account.Newsletter;
import coop.roseash.shared.model.account.NewsletterIssue;
import coop.roseash.shared.richtext.RichTextSanitizer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

import java.util.List;

/** Composing issues: drafts the admin writes (rich text through the blog's sanitizer), previews and tests. */
@ApplicationScoped
public class Issues {

    private final EntityManager em;
    private final IssueMail mails;
    private final Postman postman;

    Issues(EntityManager em, IssueMail mails, Postman postman) {
        this.em = em;
        this.mails = mails;
        this.postman = postman;
    }

    /** A new draft of newsletter {@code newsletterId}. */
    @Transactional
    public IssueView create(long newsletterId, String subject, String bodyHtml) {
        Newsletter n = Newsletter.findById(newsletterId);
        if (n == null) {
            throw new NotFoundException("newsletter " + newsletterId);
        }
        NewsletterIssue issue = new NewsletterIssue();
        issue.newsletter = n;
        issue.subject = checkedSubject(subject);
        issue.bodyHtml = checkedBody(bodyHtml);
        issue.persist();
        em.flush();
        return byId(issue.id);
    }

    /** Changes a draft; an issue being sent or sent stays as it went out (409). */
    @Transactional
    public IssueView update(long id, String subject, String bodyHtml) {
        NewsletterIssue issue = find(id);
        if (!"draft".equals(state(id))) {
            throw new InvalidInput(409, "This issue has been sent: it can no longer be changed.");
        }
        issue.subject = checkedSubject(subject);
        issue.bodyHtml = checkedBody(bodyHtml);
        em.flush();
        return byId(id);
    }

    @Transactional
    public IssueView byId(long id) {
        NewsletterIssue i = find(id);
        return new IssueView(i.id, i.newsletter.id, i.newsletter.name, i.subject, i.bodyHtml, state(id), i.createdAt);
    }

    /** The issues of a newsletter, newest first. */
    @Transactional
    public List<IssueView> of(long newsletterId) {
        return NewsletterIssue.<NewsletterIssue>list("newsletter.id = ?1 order by createdAt desc, id desc", newsletterId)
                .stream().map(i -> new IssueView(i.id, newsletterId, i.newsletter.name, i.subject, i.bodyHtml,
                        state(i.id), i.createdAt)).toList();
    }

    /** Sends the admin a copy to {@code email}, marked as a test, without touching any subscriber's delivery. */
    public void testSend(long id, String email) {
        IssueView i = byId(id);
        postman.send(mails.testCopy(new IssueMail.Content(i.id(), i.newsletterName(), i.subject(), i.bodyHtml(),
                0, "", email)));
    }

    private NewsletterIssue find(long id) {
        NewsletterIssue i = NewsletterIssue.findById(id);
        if (i == null) {
            throw new NotFoundException("issue " + id);
        }
        return i;
    }

    private String state(long id) {
        return (String) em.createNativeQuery("SELECT send_state FROM newsletter_issues WHERE id = ?1")
                .setParameter(1, id).getSingleResult();
    }

    private static String checkedSubject(String subject) {
        String s = subject == null ? "" : subject.strip();
        if (s.isEmpty() || s.length() > 200) {
            throw new InvalidInput("Give the issue a subject (at most 200 characters).");
        }
        if (s.indexOf('\r') >= 0 || s.indexOf('\n') >= 0) {
            throw new InvalidInput("The subject must be one line.");
        }
        return s;
    }

    private static String checkedBody(String html) {
        String clean = RichTextSanitizer.sanitize(html);
        if (RichTextSanitizer.plainText(clean).isBlank()) {
            throw new InvalidInput("Write something in the issue: its body is empty.");
        }
        return clean;
    }
}
