package coop.roseash.account.unsubscribe;

import coop.roseash.shared.model.account.Subscription;
import coop.roseash.shared.model.account.SubscriptionStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Instant;

/** Ends the one subscription an unsubscribe token names; any other token changes nothing. */
@ApplicationScoped
public class Unsubscribes {

    /** What a token found: a live subscription, one already ended, or nothing (forged, or from before a resubscribe). */
    public enum Found { SUBSCRIBED, ALREADY_ENDED, INVALID }

    /** What the link's page shows before the click. */
    public record Lookup(Found found, String newsletter, String email) {
    }

    private final UnsubscribeTokens tokens;

    Unsubscribes(UnsubscribeTokens tokens) {
        this.tokens = tokens;
    }

    @Transactional
    public Lookup look(String token) {
        Subscription s = verified(token, false);
        if (s == null) {
            return new Lookup(Found.INVALID, null, null);
        }
        return new Lookup(s.status == SubscriptionStatus.SUBSCRIBED ? Found.SUBSCRIBED : Found.ALREADY_ENDED,
                s.newsletter.name, s.email);
    }

    /** Ends the subscription; what it was before ({@code SUBSCRIBED} means it has just been ended). */
    @Transactional
    public Lookup unsubscribe(String token) {
        Subscription s = verified(token, true);
        if (s == null) {
            return new Lookup(Found.INVALID, null, null);
        }
        if (s.status != SubscriptionStatus.SUBSCRIBED) {
            return new Lookup(Found.ALREADY_ENDED, s.newsletter.name, s.email);
        }
        s.status = SubscriptionStatus.UNSUBSCRIBED;
        s.unsubscribedAt = Instant.now();
        return new Lookup(Found.SUBSCRIBED, s.newsletter.name, s.email);
    }

    private Subscription verified(String token, boolean lock) {
        Long id = UnsubscribeTokens.subscriptionId(token).orElse(null);
        if (id == null) {
            return null;
        }
        Subscription s = lock ? Subscription.findById(id, LockModeType.PESSIMISTIC_WRITE) : Subscription.findById(id);
        return s != null && tokens.matches(token, s.id, s.unsubscribeToken) ? s : null;
    }
}
