package coop.roseash.shared.activitypub;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.Map;

/**
 * A member's actor when they delete their account: every server that follows one of its four views (federation's
 * {@code Person}, blog's, market's and events' {@code Service}) is sent a signed {@code Delete} of that actor, so it
 * removes the account and what it posted; then the profile becomes a tombstone. The tombstone keeps only the username
 * (never given to anyone else) and the keypair that signs the queued Deletes; its name, summary, followers, follows,
 * interactions, notifications and posts go. Its documents answer 410 Gone.
 */
@ApplicationScoped
public class ActorDeletion {

    private static final String HAS_FOLLOWERS = """
            SELECT count(*) FROM followers WHERE actor_profile_id = ?1 AND actor_service = ?2""";

    private static final List<String> ERASED = List.of(
            "DELETE FROM followers WHERE actor_profile_id = ?1",
            "DELETE FROM following WHERE actor_profile_id = ?1",
            "DELETE FROM interactions WHERE actor_profile_id = ?1",
            "DELETE FROM notifications WHERE actor_profile_id = ?1",
            // what the actor posted; the Deletes just queued stay until delivered
            "DELETE FROM ap_outbox WHERE actor_profile_id = ?1 AND activity_type <> 'Delete'",
            "UPDATE actor_profiles SET user_id = NULL, display_name = NULL, summary = NULL, deleted_at = now(),"
                    + " updated_at = now() WHERE id = ?1");

    private final EntityManager em;
    private final LocalActors actors;
    private final Outbox outbox;
    private final ActorUrls urls;

    ActorDeletion(EntityManager em, LocalActors actors, Outbox outbox, ActorUrls urls) {
        this.em = em;
        this.urls = urls;
        this.actors = actors;
        this.outbox = outbox;
    }

    /**
     * Sends the Deletes and leaves the tombstone, in the caller's transaction (the account deletion's bus delivery);
     * a member without an actor, or already handled, is nothing to do.
     *
     * @return the number of inboxes the Deletes were queued for
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int deleteActorOf(long memberId) {
        LocalActor actor = actors.forMember(memberId).orElse(null);
        if (actor == null) {
            return 0;
        }
        int inboxes = 0;
        for (String service : ActorUrls.SERVICES) {
            LocalActor view = actor.on(service);
            long followers = ((Number) em.createNativeQuery(HAS_FOLLOWERS).setParameter(1, view.profileId())
                    .setParameter(2, service).getSingleResult()).longValue();
            if (followers > 0) {
                Map<String, Object> delete = outbox.activity(view, "Delete", urls.actor(service, view.username()));
                delete.put("to", List.of(Outbox.PUBLIC));
                inboxes += outbox.send(view, delete, true, List.of());
            }
        }
        for (String statement : ERASED) {
            em.createNativeQuery(statement).setParameter(1, actor.profileId()).executeUpdate();
        }
        return inboxes;
    }
}
