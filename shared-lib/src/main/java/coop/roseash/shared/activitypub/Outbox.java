package coop.roseash.shared.activitypub;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What our actors send: each activity is stored in {@code ap_outbox} (its actor's outbox collection) and queued in
 * {@code ap_deliveries}, one row per inbox, in the caller's transaction; {@link DeliveryWorker} posts them. Followers
 * on one server share its shared inbox, so they get one POST.
 */
@ApplicationScoped
public class Outbox {

    public static final String PUBLIC = "https://www.w3.org/ns/activitystreams#Public";
    public static final List<Object> CONTEXT = List.of("https://www.w3.org/ns/activitystreams", "https://w3id.org/security/v1");

    private static final String INSERT = """
            INSERT INTO ap_outbox (actor_profile_id, actor_service, activity_uri, activity_type, object_uri, activity, public)
            VALUES (?1, ?2, ?3, ?4, CAST(?5 AS text), CAST(?6 AS jsonb), ?7) RETURNING id""";

    private static final String FOLLOWER_INBOXES = """
            SELECT DISTINCT COALESCE(NULLIF(r.shared_inbox_url, ''), r.inbox_url) FROM followers f
            JOIN remote_actors r ON r.id = f.remote_actor_id
            WHERE f.actor_profile_id = ?1 AND f.actor_service = ?2""";

    private static final String ENQUEUE = """
            INSERT INTO ap_deliveries (outbox_id, inbox_url) VALUES (?1, ?2) ON CONFLICT DO NOTHING""";

    private final EntityManager em;
    private final ActorUrls urls;
    private final ObjectMapper json;

    Outbox(EntityManager em, ActorUrls urls, ObjectMapper json) {
        this.em = em;
        this.urls = urls;
        this.json = json;
    }

    /** A new activity of {@code type} by {@code actor}, with its id, {@code @context} and actor filled in. */
    public Map<String, Object> activity(LocalActor actor, String type, Object object) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("@context", CONTEXT);
        a.put("id", urls.newActivityId(actor.service(), actor.username()));
        a.put("type", type);
        a.put("actor", urls.actor(actor.service(), actor.username()));
        a.put("object", object);
        return a;
    }

    /**
     * Stores the activity and queues it for the actor's followers (when {@code toFollowers}) and the extra inboxes.
     *
     * @return the number of inboxes it was queued for
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int send(LocalActor actor, Map<String, Object> activity, boolean toFollowers, Collection<String> extraInboxes) {
        Object object = activity.get("object");
        String objectUri = object instanceof Map<?, ?> m && m.get("id") instanceof String id ? id
                : object instanceof String s ? s : null;
        String text;
        try {
            text = json.writeValueAsString(activity);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the activity cannot be written as JSON", e);
        }
        boolean isPublic = activity.toString().contains(PUBLIC);
        long outboxId = ((Number) em.createNativeQuery(INSERT).setParameter(1, actor.profileId()).setParameter(2, actor.service())
                .setParameter(3, activity.get("id")).setParameter(4, activity.get("type")).setParameter(5, objectUri)
                .setParameter(6, text).setParameter(7, isPublic).getSingleResult()).longValue();
        Set<String> inboxes = new LinkedHashSet<>();
        if (toFollowers) {
            @SuppressWarnings("unchecked")
            List<String> found = em.createNativeQuery(FOLLOWER_INBOXES).setParameter(1, actor.profileId())
                    .setParameter(2, actor.service()).getResultList();
            inboxes.addAll(found);
        }
        inboxes.addAll(extraInboxes);
        for (String inbox : inboxes) {
            em.createNativeQuery(ENQUEUE).setParameter(1, outboxId).setParameter(2, inbox).executeUpdate();
        }
        return inboxes.size();
    }
}
