package coop.roseash.account.newsletters;

/** A newsletter as pages show it; {@code subscribed} is about the member asking (false for visitors). */
public record NewsletterView(long id, String slug, String name, String description, boolean subscribed,
                             long subscribers) {
}
