package coop.roseash.federation.social;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import coop.roseash.shared.activitypub.LocalActor;
import coop.roseash.shared.activitypub.RemoteActors;
import coop.roseash.shared.richtext.RichTextSanitizer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What the social pages show, as plain maps for the views: timelines, notifications, an actor's card. */
@ApplicationScoped
public class Timelines {

    private static final int LIMIT = 40;

    private final EntityManager em;
    private final ObjectMapper json;

    Timelines(EntityManager em, ObjectMapper json) {
        this.em = em;
        this.json = json;
    }

    /** Posts of the actors the member follows, newest first, with the member's likes and boosts marked. */
    public List<Map<String, Object>> home(LocalActor me) {
        List<?> rows = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                        SELECT p.object_uri, p.content_html, p.name, p.url, p.published_at, r.display_name,
                               r.preferred_username, r.domain, r.actor_uri,
                               EXISTS (SELECT 1 FROM interactions i WHERE i.actor_profile_id = ?1 AND i.direction = 'outgoing'
                                       AND i.type = 'like' AND i.object_uri = p.object_uri),
                               EXISTS (SELECT 1 FROM interactions i WHERE i.actor_profile_id = ?1 AND i.direction = 'outgoing'
                                       AND i.type = 'announce' AND i.object_uri = p.object_uri)
                        FROM remote_posts p JOIN remote_actors r ON r.id = p.remote_actor_id
                        WHERE p.remote_actor_id IN (SELECT remote_actor_id FROM following WHERE actor_profile_id = ?1)
                        ORDER BY p.published_at DESC, p.id DESC LIMIT ?2""")
                .setParameter(1, me.profileId()).setParameter(2, LIMIT).getResultList());
        List<Map<String, Object>> posts = new ArrayList<>();
        for (Object row : rows) {
            Object[] c = (Object[]) row;
            Map<String, Object> post = new HashMap<>();
            post.put("object", c[0]);
            post.put("html", c[1]);
            post.put("title", c[2] == null ? "" : c[2]);
            post.put("url", c[3] == null ? c[0] : c[3]);
            post.put("published", String.valueOf(c[4]));
            post.put("author", c[5] == null || ((String) c[5]).isBlank() ? c[6] : c[5]);
            post.put("handle", "@" + c[6] + "@" + c[7]);
            post.put("origin", c[7]);
            post.put("liked", Boolean.TRUE.equals(c[9]));
            post.put("boosted", Boolean.TRUE.equals(c[10]));
            post.put("remote", true);
            posts.add(post);
        }
        return posts;
    }

    /** What this site's actors published, newest first. */
    public List<Map<String, Object>> local() {
        List<?> rows = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                        SELECT CAST(o.activity AS text), p.username FROM ap_outbox o JOIN actor_profiles p ON p.id = o.actor_profile_id
                        WHERE o.activity_type = 'Create' AND o.public ORDER BY o.id DESC LIMIT ?1""")
                .setParameter(1, LIMIT).getResultList());
        List<Map<String, Object>> posts = new ArrayList<>();
        for (Object row : rows) {
            Object[] c = (Object[]) row;
            try {
                JsonNode object = json.readTree((String) c[0]).path("object");
                Map<String, Object> post = new HashMap<>();
                post.put("object", object.path("id").asText());
                post.put("html", RichTextSanitizer.sanitize(object.path("content").asText("")));
                post.put("title", object.path("name").asText(""));
                post.put("url", object.path("url").asText(object.path("id").asText()));
                post.put("published", object.path("published").asText(""));
                post.put("author", c[1]);
                post.put("handle", "@" + c[1]);
                post.put("origin", "this site");
                post.put("liked", false);
                post.put("boosted", false);
                post.put("remote", false);
                posts.add(post);
            } catch (IOException e) {
                throw new IllegalStateException("an outbox row is not JSON", e);
            }
        }
        return posts;
    }

    private static final String NOTIFICATIONS = """
            SELECT n.type, n.object_uri, n.created_at, r.display_name, r.preferred_username, r.domain, n.read_at, p.username
            FROM notifications n JOIN actor_profiles p ON p.id = n.actor_profile_id
            LEFT JOIN remote_actors r ON r.id = n.remote_actor_id
            WHERE %s ORDER BY n.created_at DESC, n.id DESC LIMIT\s""" + LIMIT;
    private static final String MARK_READ = """
            UPDATE notifications n SET read_at = now() FROM actor_profiles p
            WHERE p.id = n.actor_profile_id AND n.read_at IS NULL AND %s""";
    private static final String MEMBERS = "n.actor_profile_id = ?1";
    private static final String SITE_ACTORS = "p.service_actor IS NOT NULL";

    /** The member's notifications, newest first, marked read as they are shown. */
    public List<Map<String, Object>> notifications(LocalActor me) {
        return notifications(MEMBERS, me.profileId());
    }

    /**
     * What reached this site's own actors ({@code @blog}, {@code @events}, ...: their posts liked, boosted or replied
     * to, new followers), newest first, marked read as they are shown: the admins' view, since no member owns them.
     */
    public List<Map<String, Object>> siteNotifications() {
        return notifications(SITE_ACTORS, null);
    }

    /** {@code which}: one of the conditions above (never input); {@code profileId} its parameter, if it has one. */
    private List<Map<String, Object>> notifications(String which, Long profileId) {
        List<?> rows = QuarkusTransaction.requiringNew().call(() -> {
            Query query = em.createNativeQuery(NOTIFICATIONS.formatted(which));
            Query mark = em.createNativeQuery(MARK_READ.formatted(which));
            if (profileId != null) {
                query.setParameter(1, profileId);
                mark.setParameter(1, profileId);
            }
            List<?> found = query.getResultList();
            mark.executeUpdate();
            return found;
        });
        List<Map<String, Object>> items = new ArrayList<>();
        for (Object row : rows) {
            Object[] c = (Object[]) row;
            Map<String, Object> item = new HashMap<>();
            item.put("type", c[0]);
            item.put("object", c[1] == null ? "" : c[1]);
            item.put("when", String.valueOf(c[2]));
            item.put("who", c[3] == null || ((String) c[3]).isBlank() ? String.valueOf(c[4]) : c[3]);
            item.put("handle", "@" + c[4] + "@" + c[5]);
            item.put("unread", c[6] == null);
            item.put("to", "@" + c[7]);
            items.add(item);
        }
        return items;
    }

    /** A remote actor as the search page shows it, with whether the member follows it. */
    public Map<String, Object> card(LocalActor me, RemoteActors.Remote them) {
        List<?> states = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                        "SELECT state FROM following WHERE actor_profile_id = ?1 AND remote_actor_id = ?2")
                .setParameter(1, me.profileId()).setParameter(2, them.id()).getResultList());
        String state = states.isEmpty() ? "none" : String.valueOf(states.get(0));
        Map<String, Object> card = new HashMap<>();
        card.put("uri", them.uri());
        card.put("name", them.displayName() == null || them.displayName().isBlank() ? them.username() : them.displayName());
        card.put("handle", them.handle());
        card.put("summary", them.summary() == null ? "" : RichTextSanitizer.plainText(them.summary()));
        card.put("state", state);
        return card;
    }

    /** Who follows the member (their federation actor), newest first. */
    public List<Map<String, Object>> followers(LocalActor me) {
        return people("""
                SELECT r.actor_uri, r.display_name, r.preferred_username, r.domain, 'follower' FROM followers f
                JOIN remote_actors r ON r.id = f.remote_actor_id
                WHERE f.actor_profile_id = ?1 AND f.actor_service = 'federation' ORDER BY f.id DESC LIMIT ?2""", me);
    }

    /** Whom the member follows, with whether each accepted. */
    public List<Map<String, Object>> following(LocalActor me) {
        return people("""
                SELECT r.actor_uri, r.display_name, r.preferred_username, r.domain, f.state FROM following f
                JOIN remote_actors r ON r.id = f.remote_actor_id
                WHERE f.actor_profile_id = ?1 ORDER BY f.id DESC LIMIT ?2""", me);
    }

    private List<Map<String, Object>> people(String sql, LocalActor me) {
        List<?> rows = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(sql)
                .setParameter(1, me.profileId()).setParameter(2, LIMIT).getResultList());
        List<Map<String, Object>> people = new ArrayList<>();
        for (Object row : rows) {
            Object[] c = (Object[]) row;
            Map<String, Object> person = new HashMap<>();
            person.put("uri", c[0]);
            person.put("name", c[1] == null || ((String) c[1]).isBlank() ? String.valueOf(c[2]) : c[1]);
            person.put("handle", "@" + c[2] + "@" + c[3]);
            person.put("state", c[4]);
            people.add(person);
        }
        return people;
    }
}
