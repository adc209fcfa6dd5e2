package coop.roseash.shared.activitypub;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** The contents of our actors' collections: public outbox activities, followers, accepted follows; newest first. */
@ApplicationScoped
public class ActorCollections {

    public static final int PAGE_SIZE = 20;

    private final EntityManager em;
    private final ObjectMapper json;

    ActorCollections(EntityManager em, ObjectMapper json) {
        this.em = em;
        this.json = json;
    }

    public long outboxCount(LocalActor a) {
        return count("SELECT count(*) FROM ap_outbox WHERE actor_profile_id = ?1 AND actor_service = ?2 AND public", a, true);
    }

    public List<Object> outbox(LocalActor a, int page) {
        List<Object> items = new ArrayList<>();
        for (Object text : list("SELECT CAST(activity AS text) FROM ap_outbox WHERE actor_profile_id = ?1 AND actor_service = ?2 "
                + "AND public ORDER BY id DESC", a, true, page)) {
            try {
                items.add(json.readTree((String) text));
            } catch (IOException e) {
                throw new IllegalStateException("an outbox row is not JSON", e);
            }
        }
        return items;
    }

    public long followersCount(LocalActor a) {
        return count("SELECT count(*) FROM followers WHERE actor_profile_id = ?1 AND actor_service = ?2", a, true);
    }

    public List<Object> followers(LocalActor a, int page) {
        return list("SELECT r.actor_uri FROM followers f JOIN remote_actors r ON r.id = f.remote_actor_id "
                + "WHERE f.actor_profile_id = ?1 AND f.actor_service = ?2 ORDER BY f.id DESC", a, true, page);
    }

    /** Members follow from federation: the other services' views follow no one. */
    public long followingCount(LocalActor a) {
        return "federation".equals(a.service())
                ? count("SELECT count(*) FROM following WHERE actor_profile_id = ?1 AND state = 'accepted'", a, false) : 0;
    }

    public List<Object> following(LocalActor a, int page) {
        return "federation".equals(a.service())
                ? list("SELECT r.actor_uri FROM following f JOIN remote_actors r ON r.id = f.remote_actor_id "
                + "WHERE f.actor_profile_id = ?1 AND f.state = 'accepted' ORDER BY f.id DESC", a, false, page) : List.of();
    }

    private long count(String sql, LocalActor a, boolean perService) {
        return QuarkusTransaction.joiningExisting().call(() -> {
            var query = em.createNativeQuery(sql).setParameter(1, a.profileId());
            if (perService) {
                query.setParameter(2, a.service());
            }
            return ((Number) query.getSingleResult()).longValue();
        });
    }

    @SuppressWarnings("unchecked")
    private List<Object> list(String sql, LocalActor a, boolean perService, int page) {
        return QuarkusTransaction.joiningExisting().call(() -> {
            var query = em.createNativeQuery(sql).setParameter(1, a.profileId());
            if (perService) {
                query.setParameter(2, a.service());
            }
            return (List<Object>) query.setFirstResult((page - 1) * PAGE_SIZE).setMaxResults(PAGE_SIZE).getResultList();
        });
    }
}
