package coop.roseash.account.newsletters;

import coop.roseash.account.InvalidInput;
import coop.roseash.account.unsubscribe.UnsubscribeTokens;
import coop.roseash.shared.model.account.Newsletter;
import coop.roseash.shared.model.account.Subscription;
import coop.roseash.shared.model.account.SubscriptionStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** The newsletters and who receives them: listing, creating, subscribing and unsubscribing. */
@ApplicationScoped
public class Newsletters {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    /** Good enough to refuse obvious typos; the confirmation link proves the address. */
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final EntityManager em;

    Newsletters(EntityManager em) {
        this.em = em;
    }

    /** The active newsletters, with whether {@code userId} (null for a visitor) receives each. */
    @Transactional
    public List<NewsletterView> active(Long userId) {
        Set<Long> mine = userId == null ? Set.of() : new HashSet<>(em.createQuery(
                "select s.newsletter.id from Subscription s where s.userId = :u and s.status = :st", Long.class)
                .setParameter("u", userId).setParameter("st", SubscriptionStatus.SUBSCRIBED).getResultList());
        Map<Long, Long> counts = subscriberCounts();
        return Newsletter.<Newsletter>list("active = true order by name").stream()
                .map(n -> view(n, mine.contains(n.id), counts.getOrDefault(n.id, 0L))).toList();
    }

    /** Every newsletter, for the admin. */
    @Transactional
    public List<NewsletterView> all() {
        Map<Long, Long> counts = subscriberCounts();
        return Newsletter.<Newsletter>list("order by name").stream()
                .map(n -> view(n, false, counts.getOrDefault(n.id, 0L))).toList();
    }

    /** The newsletter, or 404. */
    @Transactional
    public NewsletterView byId(long id) {
        Newsletter n = find(id);
        return view(n, false, subscriberCounts().getOrDefault(n.id, 0L));
    }

    @Transactional
    public NewsletterView create(String name, String slug, String description) {
        String cleanName = name == null ? "" : name.strip();
        String cleanSlug = slug == null || slug.isBlank() ? slugOf(cleanName) : slug.strip().toLowerCase(Locale.ROOT);
        if (cleanName.isEmpty() || cleanName.length() > 200) {
            throw new InvalidInput("Give the newsletter a name (at most 200 characters).");
        }
        if (!SLUG.matcher(cleanSlug).matches() || cleanSlug.length() > 100) {
            throw new InvalidInput("The short name may hold lowercase letters, digits and single dashes.");
        }
        if (Newsletter.count("slug", cleanSlug) > 0) {
            throw new InvalidInput(409, "A newsletter called \u201c" + cleanSlug + "\u201d exists already.");
        }
        Newsletter n = new Newsletter();
        n.name = cleanName;
        n.slug = cleanSlug;
        n.description = description == null || description.isBlank() ? null : description.strip();
        n.persist();
        return view(n, false, 0);
    }

    /** Member {@code userId} receives newsletter {@code id} at {@code email} from now on. */
    @Transactional
    public void subscribeMember(long id, long userId, String email) {
        subscribe(find(id), normalise(email), userId);
    }

    /**
     * {@code email} receives newsletter {@code newsletter} (a new subscription, or one ended earlier started again
     * with a fresh unsubscribe nonce, so links from before stop working).
     */
    @Transactional
    public Subscription subscribe(Newsletter newsletter, String email, Long userId) {
        Subscription s = Subscription.<Subscription>find("newsletter = ?1 and email = ?2", newsletter, email)
                .firstResult();
        if (s == null) {
            s = new Subscription();
            s.newsletter = newsletter;
            s.email = email;
            s.unsubscribeToken = UnsubscribeTokens.newNonce();
            s.userId = userId;
            s.persist();
            return s;
        }
        if (userId != null) {
            s.userId = userId;
        }
        if (s.status != SubscriptionStatus.SUBSCRIBED) {
            s.status = SubscriptionStatus.SUBSCRIBED;
            s.unsubscribedAt = null;
            s.unsubscribeToken = UnsubscribeTokens.newNonce();
        }
        return s;
    }

    /** Member {@code userId} no longer receives newsletter {@code id}; nothing happens if they did not. */
    @Transactional
    public void unsubscribeMember(long id, long userId) {
        Newsletter n = find(id);
        Subscription.<Subscription>list("newsletter = ?1 and userId = ?2 and status = ?3", n, userId,
                SubscriptionStatus.SUBSCRIBED).forEach(Newsletters::end);
    }

    static void end(Subscription s) {
        s.status = SubscriptionStatus.UNSUBSCRIBED;
        s.unsubscribedAt = Instant.now();
    }

    /** The address as stored: trimmed and lowercase; refused when it is not an email address. */
    public static String normalise(String email) {
        String e = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        if (e.length() > 254 || !EMAIL.matcher(e).matches()) {
            throw new InvalidInput("Enter an email address, such as name@example.org.");
        }
        return e;
    }

    Newsletter find(long id) {
        Newsletter n = Newsletter.findById(id);
        if (n == null) {
            throw new NotFoundException("newsletter " + id);
        }
        return n;
    }

    private Map<Long, Long> subscriberCounts() {
        Map<Long, Long> counts = new HashMap<>();
        for (Object[] row : em.createQuery("select s.newsletter.id, count(s) from Subscription s where s.status = :st"
                + " group by s.newsletter.id", Object[].class).setParameter("st", SubscriptionStatus.SUBSCRIBED)
                .getResultList()) {
            counts.put((Long) row[0], (Long) row[1]);
        }
        return counts;
    }

    private static NewsletterView view(Newsletter n, boolean subscribed, long subscribers) {
        return new NewsletterView(n.id, n.slug, n.name, n.description, subscribed, subscribers);
    }

    private static String slugOf(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    }
}
