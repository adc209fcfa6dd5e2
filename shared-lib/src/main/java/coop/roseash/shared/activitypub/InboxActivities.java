package coop.roseash.shared.activitypub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import coop.roseash.shared.richtext.RichTextSanitizer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static coop.roseash.shared.activitypub.InboxProcessor.idOf;

/**
 * What each incoming activity does, applied in the inbox's transaction: follows and their undoing, posts for the
 * timeline (sanitized like rich text), likes and boosts of our objects (interactions and notifications), answers to
 * our follows, and deleted actors.
 */
@ApplicationScoped
public class InboxActivities {

    private static final Logger LOG = Logger.getLogger(InboxActivities.class);
    private static final Set<String> POST_TYPES = Set.of("Note", "Article", "Question", "Page");
    private static final Set<String> ACTOR_TYPES = Set.of("Person", "Service", "Application", "Group", "Organization");

    private final EntityManager em;
    private final ActorUrls urls;
    private final LocalActors actors;
    private final RemoteActors remotes;
    private final Outbox outbox;
    private final ObjectMapper json;

    InboxActivities(EntityManager em, ActorUrls urls, LocalActors actors, RemoteActors remotes, Outbox outbox, ObjectMapper json) {
        this.em = em;
        this.urls = urls;
        this.actors = actors;
        this.remotes = remotes;
        this.outbox = outbox;
        this.json = json;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(JsonNode activity, String actorUri) {
        if (urls.parse(actorUri).isPresent()) {
            return; // our own actors' activities come back only through bugs or loops
        }
        String type = activity.path("type").asText("");
        JsonNode object = activity.get("object");
        switch (type) {
            case "Follow" -> follow(activity, actorUri);
            case "Undo" -> undo(object, actorUri);
            case "Create", "Update" -> {
                if (object != null && ACTOR_TYPES.contains(object.path("type").asText()) && actorUri.equals(idOf(object))) {
                    refetch(actorUri);
                } else {
                    post(object, actorUri, "Update".equals(type));
                }
            }
            case "Delete" -> delete(object, actorUri);
            case "Like" -> interaction("like", activity, actorUri);
            case "Announce" -> interaction("announce", activity, actorUri);
            case "Accept" -> answer(object, actorUri, "accepted");
            case "Reject" -> answer(object, actorUri, "rejected");
            default -> LOG.debugf("ActivityPub: ignored a %s from %s", type, actorUri);
        }
    }

    private void follow(JsonNode activity, String actorUri) {
        Optional<LocalActor> target = urls.parse(idOf(activity.get("object")))
                .flatMap(ref -> actors.find(ref.service(), ref.username()));
        if (target.isEmpty()) {
            return;
        }
        LocalActor local = target.get();
        RemoteActors.Remote remote = remote(actorUri);
        boolean known = ((Number) em.createNativeQuery("SELECT count(*) FROM followers WHERE actor_profile_id = ?1 "
                + "AND actor_service = ?2 AND remote_actor_id = ?3").setParameter(1, local.profileId())
                .setParameter(2, local.service()).setParameter(3, remote.id()).getSingleResult()).longValue() > 0;
        em.createNativeQuery("""
                        INSERT INTO followers (actor_profile_id, actor_service, remote_actor_id, follow_activity_uri)
                        VALUES (?1, ?2, ?3, CAST(?4 AS text))
                        ON CONFLICT (actor_profile_id, actor_service, remote_actor_id)
                        DO UPDATE SET follow_activity_uri = excluded.follow_activity_uri""")
                .setParameter(1, local.profileId()).setParameter(2, local.service()).setParameter(3, remote.id())
                .setParameter(4, idOf(activity.get("id"))).executeUpdate();
        if (!known) {
            notify(local.profileId(), "follow", remote.id(), urls.actor(local.service(), local.username()));
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> follow = json.convertValue(activity, Map.class);
        follow.remove("@context");
        outbox.send(local, outbox.activity(local, "Accept", follow), false, List.of(remote.inbox()));
    }

    private void undo(JsonNode inner, String actorUri) {
        String innerId = idOf(inner);
        RemoteActors.Remote remote = remote(actorUri);
        String innerType = inner != null && inner.isObject() ? inner.path("type").asText("") : "";
        if (innerType.isEmpty() || "Follow".equals(innerType)) {
            Optional<ActorUrls.LocalRef> target = inner != null && inner.isObject()
                    ? urls.parse(idOf(inner.get("object"))) : Optional.empty();
            if (target.isPresent()) {
                em.createNativeQuery("""
                                DELETE FROM followers f USING actor_profiles p
                                WHERE f.actor_profile_id = p.id AND f.remote_actor_id = ?1 AND f.actor_service = ?2
                                  AND p.username = ?3""")
                        .setParameter(1, remote.id()).setParameter(2, target.get().service())
                        .setParameter(3, target.get().username()).executeUpdate();
            } else if (innerId != null) {
                em.createNativeQuery("DELETE FROM followers WHERE remote_actor_id = ?1 AND follow_activity_uri = ?2")
                        .setParameter(1, remote.id()).setParameter(2, innerId).executeUpdate();
            }
        }
        if (innerId != null && (innerType.isEmpty() || "Like".equals(innerType) || "Announce".equals(innerType))) {
            em.createNativeQuery("DELETE FROM interactions WHERE direction = 'incoming' AND remote_actor_id = ?1 AND activity_uri = ?2")
                    .setParameter(1, remote.id()).setParameter(2, innerId).executeUpdate();
        }
    }

    private void post(JsonNode object, String actorUri, boolean update) {
        if (object == null || !object.isObject() || !POST_TYPES.contains(object.path("type").asText())) {
            return;
        }
        String id = idOf(object);
        if (id == null || !RemoteActors.sameOrigin(id, actorUri) || !actorUri.equals(attributedTo(object))) {
            return; // nobody posts for someone else, nor on another server's addresses
        }
        RemoteActors.Remote remote = remote(actorUri);
        String inReplyTo = idOf(object.get("inReplyTo"));
        Optional<Long> repliedOwner = inReplyTo == null ? Optional.empty() : ownerOf(inReplyTo);
        boolean followed = ((Number) em.createNativeQuery("SELECT count(*) FROM following WHERE remote_actor_id = ?1 AND state <> 'rejected'")
                .setParameter(1, remote.id()).getSingleResult()).longValue() > 0;
        if (!followed && repliedOwner.isEmpty()) {
            return; // nobody here asked for it
        }
        String content = RichTextSanitizer.sanitize(object.path("content").asText(""));
        String summary = object.hasNonNull("summary") ? RichTextSanitizer.plainText(object.path("summary").asText()) : null;
        String name = object.hasNonNull("name") ? RichTextSanitizer.plainText(object.path("name").asText()) : null;
        String url = object.get("url") != null && object.get("url").isTextual() ? object.get("url").asText()
                : object.path("url").isArray() ? idOf(object.path("url").path(0)) != null ? idOf(object.path("url").path(0))
                : object.path("url").path(0).path("href").asText(null) : id;
        Instant published = instant(object.path("published").asText(null)).orElse(Instant.now());
        int changed = em.createNativeQuery("""
                        INSERT INTO remote_posts (object_uri, remote_actor_id, object_type, content_html, summary, name, url,
                                                  in_reply_to_uri, published_at, edited_at)
                        VALUES (?1, ?2, ?3, ?4, CAST(?5 AS text), CAST(?6 AS text), CAST(?7 AS text), CAST(?8 AS text), ?9,
                                CASE WHEN ?10 THEN now() END)
                        ON CONFLICT (object_uri) DO UPDATE SET content_html = excluded.content_html,
                            summary = excluded.summary, name = excluded.name, url = excluded.url, edited_at = now()
                        WHERE remote_posts.remote_actor_id = excluded.remote_actor_id""")
                .setParameter(1, id).setParameter(2, remote.id()).setParameter(3, object.path("type").asText())
                .setParameter(4, content).setParameter(5, summary).setParameter(6, name).setParameter(7, url)
                .setParameter(8, inReplyTo).setParameter(9, Timestamp.from(published))
                .setParameter(10, update).executeUpdate();
        if (changed > 0 && !update && repliedOwner.isPresent()) {
            notify(repliedOwner.get(), "reply", remote.id(), id);
        }
    }

    private void delete(JsonNode object, String actorUri) {
        String id = idOf(object);
        if (id == null) {
            return;
        }
        if (id.equals(actorUri)) {
            em.createNativeQuery("DELETE FROM remote_actors WHERE actor_uri = ?1").setParameter(1, actorUri).executeUpdate();
            return;
        }
        em.createNativeQuery("""
                        DELETE FROM remote_posts p USING remote_actors r
                        WHERE p.remote_actor_id = r.id AND r.actor_uri = ?1 AND p.object_uri = ?2""")
                .setParameter(1, actorUri).setParameter(2, id).executeUpdate();
    }

    private void interaction(String kind, JsonNode activity, String actorUri) {
        String objectUri = idOf(activity.get("object"));
        String activityUri = idOf(activity.get("id"));
        if (objectUri == null || activityUri == null) {
            return;
        }
        Optional<Long> owner = ownerOf(objectUri);
        if (owner.isEmpty()) {
            return; // not one of ours
        }
        RemoteActors.Remote remote = remote(actorUri);
        int added = em.createNativeQuery("""
                        INSERT INTO interactions (direction, type, actor_profile_id, remote_actor_id, object_uri, activity_uri)
                        VALUES ('incoming', ?1, ?2, ?3, ?4, ?5) ON CONFLICT DO NOTHING""")
                .setParameter(1, kind).setParameter(2, owner.get()).setParameter(3, remote.id())
                .setParameter(4, objectUri).setParameter(5, activityUri).executeUpdate();
        if (added > 0) {
            notify(owner.get(), kind, remote.id(), objectUri);
        }
    }

    private void answer(JsonNode object, String actorUri, String state) {
        String followId = idOf(object);
        if (followId == null) {
            return;
        }
        em.createNativeQuery("""
                        UPDATE following f SET state = ?1, updated_at = now() FROM remote_actors r
                        WHERE f.remote_actor_id = r.id AND r.actor_uri = ?2 AND f.follow_activity_uri = ?3""")
                .setParameter(1, state).setParameter(2, actorUri).setParameter(3, followId).executeUpdate();
    }

    private void refetch(String actorUri) {
        try {
            remotes.fetch(actorUri);
        } catch (RemoteFetchRefused e) {
            LOG.infof("ActivityPub: could not refresh %s: %s", actorUri, e.getMessage());
        }
    }

    /** The profile whose object this is: one of ours that an outbox Create carried. */
    private Optional<Long> ownerOf(String objectUri) {
        List<?> rows = em.createNativeQuery("SELECT actor_profile_id FROM ap_outbox WHERE object_uri = ?1 "
                + "AND activity_type = 'Create' ORDER BY id LIMIT 1").setParameter(1, objectUri).getResultList();
        return rows.stream().findFirst().map(r -> ((Number) r).longValue());
    }

    private void notify(long profileId, String type, long remoteActorId, String objectUri) {
        em.createNativeQuery("INSERT INTO notifications (actor_profile_id, type, remote_actor_id, object_uri) VALUES (?1, ?2, ?3, CAST(?4 AS text))")
                .setParameter(1, profileId).setParameter(2, type).setParameter(3, remoteActorId).setParameter(4, objectUri)
                .executeUpdate();
    }

    private RemoteActors.Remote remote(String actorUri) {
        try {
            return remotes.get(actorUri);
        } catch (RemoteFetchRefused e) {
            throw new IllegalStateException("the signer " + actorUri + " cannot be fetched: " + e.getMessage(), e);
        }
    }

    private static String attributedTo(JsonNode object) {
        JsonNode a = object.get("attributedTo");
        if (a != null && a.isArray()) {
            a = a.path(0);
        }
        return idOf(a);
    }

    private static Optional<Instant> instant(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
