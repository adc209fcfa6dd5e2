package coop.roseash.federation.activitypub;

import com.fasterxml.jackson.databind.JsonNode;
import coop.roseash.devinfra.PlatformTestResource;
import coop.roseash.federation.SsoTestProfile;
import coop.roseash.shared.activitypub.ActorCollections;
import coop.roseash.shared.activitypub.LocalActor;
import coop.roseash.shared.activitypub.LocalActors;
import coop.roseash.shared.bus.ActivityPublisher;
import coop.roseash.shared.bus.Visibility;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The blog's posts reach the followers of the blog's actor: the event bus's Create, Update and Delete become signed
 * Create/Update/Delete(Article) POSTs to the follower's shared inbox, once each, retried with backoff when the
 * server fails, and given up (visibly, as failed) on a server that never answers.
 */
@QuarkusTest
@TestProfile(SsoTestProfile.class)
@QuarkusTestResource(PlatformTestResource.class)
class PostDeliveryTest {

    static final String BLOG_ACTOR = "http://blog.localhost:8001/users/blog";

    static FediversePeer peer;

    @Inject
    ActivityPublisher publisher;

    @Inject
    LocalActors actors;

    @Inject
    EntityManager em;

    @Inject
    ActorCollections collections;

    @BeforeAll
    static void startPeer() throws Exception {
        peer = new FediversePeer();
    }

    @AfterAll
    static void stopPeer() {
        peer.close();
    }

    void followTheBlog(String reader) {
        String readerUri = peer.actor(reader);
        String body = InboxTest.follow(readerUri + "/follows/" + UUID.randomUUID(), readerUri, BLOG_ACTOR);
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        URI target = URI.create("http://localhost:" + RestAssured.port + "/inbox");
        InboxTest.send(peer.sign(reader, target, bytes, Instant.now()), "/inbox", bytes).then().statusCode(202);
        peer.awaitPost(j -> "Accept".equals(j.path("type").asText())
                && readerUri.equals(j.path("object").path("actor").asText()), Duration.ofSeconds(30));
    }

    void publish(String type, Map<String, Object> object) {
        QuarkusTransaction.requiringNew().run(() -> publisher.publish(type, "http://blog.localhost:8001",
                InboxTest.json(object), "blog", Visibility.PUBLIC));
    }

    static Map<String, Object> article(String url, String title, String html) {
        return Map.of("type", "Article", "id", url, "url", url, "name", title, "content", html,
                "published", "2026-12-01T10:00:00Z", "attributedTo", "http://blog.localhost:8001", "rose:postId", 7);
    }

    static Predicate<JsonNode> activity(String type, String objectId) {
        return j -> type.equals(j.path("type").asText()) && objectId.equals(j.path("object").path("id").asText());
    }

    @Test
    void publishedEditedAndDeletedPostsReachFollowersOnceEach() {
        followTheBlog("reader" + UUID.randomUUID().toString().substring(0, 8));
        String url = "http://blog.localhost:8001/hello-" + UUID.randomUUID() + "/";

        publish("Create", article(url, "Hello", "<p>First words</p>"));
        FediversePeer.Received create = peer.awaitPost(activity("Create", url), Duration.ofSeconds(30));
        JsonNode a = create.json();
        assertThat(create.path()).as("one POST per shared inbox").isEqualTo("/inbox");
        assertThat(a.path("actor").asText()).isEqualTo(BLOG_ACTOR);
        assertThat(a.path("object").path("type").asText()).isEqualTo("Article");
        assertThat(a.path("object").path("attributedTo").asText()).isEqualTo(BLOG_ACTOR);
        assertThat(a.path("object").path("content").asText()).isEqualTo("<p>First words</p>");
        assertThat(a.path("object").has("rose:postId")).isFalse();
        assertThat(a.path("to").toString()).contains("https://www.w3.org/ns/activitystreams#Public");
        assertThat(create.headers().get("Signature").get(0)).contains("keyId=\"" + BLOG_ACTOR + "#main-key\"");

        publish("Update", article(url, "Hello again", "<p>Edited words</p>"));
        JsonNode update = peer.awaitPost(activity("Update", url), Duration.ofSeconds(30)).json();
        assertThat(update.path("object").path("content").asText()).isEqualTo("<p>Edited words</p>");

        publish("Delete", Map.of("type", "Tombstone", "id", url));
        JsonNode delete = peer.awaitPost(activity("Delete", url), Duration.ofSeconds(30)).json();
        assertThat(delete.path("object").path("type").asText()).isEqualTo("Tombstone");

        assertThat(peer.inboxPosts(activity("Create", url))).as("delivered once").hasSize(1);
        // the blog actor's outbox (served on blog's host) holds what it sent
        assertThat(collections.outbox(actors.serviceActor("blog"), 1).toString()).contains(url);
    }

    @Test
    void aFailingServerIsRetriedWithBackoffAndADeadOneIsGivenUpVisibly() {
        followTheBlog("patient" + UUID.randomUUID().toString().substring(0, 8));
        // a follower on a server that never answers
        LocalActor blog = actors.serviceActor("blog");
        String deadUri = "http://127.0.0.1:9/users/gone" + UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("INSERT INTO remote_actors (actor_uri, inbox_url, shared_inbox_url, domain) "
                    + "VALUES (?1, ?2, 'http://127.0.0.1:9/inbox', '127.0.0.1:9')").setParameter(1, deadUri)
                    .setParameter(2, deadUri + "/inbox").executeUpdate();
            em.createNativeQuery("INSERT INTO followers (actor_profile_id, actor_service, remote_actor_id) "
                    + "SELECT ?1, 'blog', id FROM remote_actors WHERE actor_uri = ?2").setParameter(1, blog.profileId())
                    .setParameter(2, deadUri).executeUpdate();
        });
        peer.failNext.set(2);
        String url = "http://blog.localhost:8001/retry-" + UUID.randomUUID() + "/";
        publish("Create", article(url, "Retry", "<p>Third time lucky</p>"));

        peer.awaitPost(activity("Create", url), Duration.ofSeconds(40));
        // the row is marked once the peer's answer is back: wait for that commit too
        long markedBy = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        Object[] delivered;
        do {
            delivered = row("SELECT d.state, d.attempts FROM ap_deliveries d JOIN ap_outbox o ON o.id = d.outbox_id "
                    + "WHERE o.object_uri = ?1 AND d.inbox_url = ?2", url, peer.base() + "/inbox");
        } while (!"delivered".equals(delivered[0]) && System.nanoTime() < markedBy && sleep());
        assertThat(delivered[0]).isEqualTo("delivered");
        assertThat(((Number) delivered[1]).intValue()).as("two failures, then delivered").isEqualTo(3);

        long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
        Object[] dead;
        do {
            dead = row("SELECT d.state, d.attempts, d.last_error FROM ap_deliveries d JOIN ap_outbox o ON o.id = d.outbox_id "
                    + "WHERE o.object_uri = ?1 AND d.inbox_url = 'http://127.0.0.1:9/inbox'", url);
        } while (!"failed".equals(dead[0]) && System.nanoTime() < deadline && sleep());
        assertThat(dead[0]).as("given up after max-attempts").isEqualTo("failed");
        assertThat(((Number) dead[1]).intValue()).isEqualTo(3);
        assertThat((String) dead[2]).isNotBlank();
    }

    Object[] row(String sql, Object... params) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var q = em.createNativeQuery(sql);
            for (int i = 0; i < params.length; i++) {
                q.setParameter(i + 1, params[i]);
            }
            return (Object[]) q.getSingleResult();
        });
    }

    static boolean sleep() {
        try {
            Thread.sleep(250);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
