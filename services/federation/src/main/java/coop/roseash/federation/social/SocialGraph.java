package coop.roseash.federation.social;

import coop.roseash.shared.activitypub.ActorUrls;
import coop.roseash.shared.activitypub.LocalActor;
import coop.roseash.shared.activitypub.Outbox;
import coop.roseash.shared.activitypub.RemoteActors;
import coop.roseash.shared.activitypub.RemoteFetchRefused;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a member does to other fediverse actors: follow and unfollow, like and boost their posts. Each writes the
 * social tables and queues the matching activity ({@code Follow}, {@code Like}, {@code Announce}, their {@code Undo})
 * in one transaction.
 */
@ApplicationScoped
public class SocialGraph {

    private final RemoteActors remotes;
    private final Outbox outbox;
    private final ActorUrls urls;
    private final EntityManager em;

    SocialGraph(RemoteActors remotes, Outbox outbox, ActorUrls urls, EntityManager em) {
        this.remotes = remotes;
        this.outbox = outbox;
        this.urls = urls;
        this.em = em;
    }

    /** Finds a remote actor by {@code @name@host}, or by its address. */
    public RemoteActors.Remote find(String handleOrUri) throws RemoteFetchRefused {
        String q = handleOrUri == null ? "" : handleOrUri.trim();
        return q.startsWith("http://") || q.startsWith("https://") ? remotes.get(q) : remotes.lookup(q);
    }

    /** Follows the actor (pending until it accepts); false when already following. */
    public boolean follow(LocalActor me, RemoteActors.Remote them) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Map<String, Object> follow = outbox.activity(me, "Follow", them.uri());
            int added = em.createNativeQuery("""
                            INSERT INTO following (actor_profile_id, remote_actor_id, follow_activity_uri)
                            VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING""")
                    .setParameter(1, me.profileId()).setParameter(2, them.id()).setParameter(3, follow.get("id")).executeUpdate();
            if (added == 0) {
                return false;
            }
            outbox.send(me, follow, false, List.of(them.inbox()));
            return true;
        });
    }

    /** Stops following: {@code Undo(Follow)} to the actor. */
    public boolean unfollow(LocalActor me, RemoteActors.Remote them) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<?> ids = em.createNativeQuery("DELETE FROM following WHERE actor_profile_id = ?1 AND remote_actor_id = ?2 "
                    + "RETURNING follow_activity_uri").setParameter(1, me.profileId()).setParameter(2, them.id()).getResultList();
            if (ids.isEmpty()) {
                return false;
            }
            Map<String, Object> follow = Map.of("id", ids.get(0), "type", "Follow",
                    "actor", urls.actor(me.service(), me.username()), "object", them.uri());
            outbox.send(me, outbox.activity(me, "Undo", follow), false, List.of(them.inbox()));
            return true;
        });
    }

    /** Likes ({@code like}) or boosts ({@code announce}) a remote post, once; false when done before. */
    public boolean interact(LocalActor me, String kind, String objectUri) {
        Optional<Object[]> post = post(objectUri);
        if (post.isEmpty()) {
            return false;
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            Map<String, Object> activity = outbox.activity(me, "like".equals(kind) ? "Like" : "Announce", objectUri);
            if ("announce".equals(kind)) {
                activity.put("to", List.of(Outbox.PUBLIC));
                activity.put("cc", List.of(urls.actor(me.service(), me.username()) + "/followers"));
            }
            int added = em.createNativeQuery("""
                            INSERT INTO interactions (direction, type, actor_profile_id, object_uri, activity_uri)
                            VALUES ('outgoing', ?1, ?2, ?3, ?4) ON CONFLICT DO NOTHING""")
                    .setParameter(1, kind).setParameter(2, me.profileId()).setParameter(3, objectUri)
                    .setParameter(4, activity.get("id")).executeUpdate();
            if (added == 0) {
                return false;
            }
            outbox.send(me, activity, "announce".equals(kind), List.of((String) post.get()[1]));
            return true;
        });
    }

    /** A stored remote post's id and its author's delivery inbox. */
    private Optional<Object[]> post(String objectUri) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<?> rows = em.createNativeQuery("""
                            SELECT p.object_uri, COALESCE(NULLIF(r.shared_inbox_url, ''), r.inbox_url)
                            FROM remote_posts p JOIN remote_actors r ON r.id = p.remote_actor_id WHERE p.object_uri = ?1""")
                    .setParameter(1, objectUri).getResultList();
            return rows.stream().findFirst().map(r -> (Object[]) r);
        });
    }
}
