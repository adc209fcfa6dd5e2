package coop.roseash.account.support;

import coop.roseash.account.newsletters.Newsletters;
import coop.roseash.shared.model.account.Newsletter;
import coop.roseash.shared.model.account.Subscription;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Rows tests need, each test's own (random slugs and addresses). */
@ApplicationScoped
public class Fixtures {

    private final Newsletters newsletters;
    private final EntityManager em;

    Fixtures(Newsletters newsletters, EntityManager em) {
        this.newsletters = newsletters;
        this.em = em;
    }

    /** A member row as federation writes it at a first sign-in, with this display name; its id. */
    public long member(String email, String displayName) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "INSERT INTO users (email, display_name) VALUES (?1, ?2) RETURNING id").setParameter(1, email)
                .setParameter(2, displayName).getSingleResult()).longValue());
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A new newsletter; its id. */
    public long newsletter() {
        String slug = unique("news");
        return newsletters.create("Letter " + slug, slug, "About " + slug).id();
    }

    /** {@code count} subscribed addresses ({@code <prefix>-<n>@example.org}); their subscription ids. */
    public List<Long> subscribers(long newsletterId, String prefix, int count) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Newsletter n = Newsletter.findById(newsletterId);
            List<Long> ids = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                ids.add(newsletters.subscribe(n, prefix + "-" + i + "@example.org", null).id);
            }
            return ids;
        });
    }

    public Subscription subscription(long id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Subscription s = Subscription.findById(id);
            s.newsletter.name.length(); // loaded while the session is open
            return s;
        });
    }
}
