package coop.roseash.account.issues;

import java.time.Instant;

/** An issue as the admin pages show it; {@code bodyHtml} is sanitized. State: draft, sending or sent. */
public record IssueView(long id, long newsletterId, String newsletterName, String subject, String bodyHtml,
                        String state, Instant createdAt) {

    public boolean draft() {
        return "draft".equals(state);
    }
}
