package coop.roseash.federation.activitypub;

import coop.roseash.devinfra.PlatformTestResource;
import coop.roseash.federation.SsoTestProfile;
import coop.roseash.federation.login.FederationSessions;
import coop.roseash.federation.login.Members;
import coop.roseash.shared.activitypub.ActorKeys;
import coop.roseash.shared.activitypub.CavageSignatures;
import coop.roseash.shared.activitypub.LocalActor;
import coop.roseash.shared.activitypub.LocalActors;
import coop.roseash.shared.activitypub.SignatureVerifier;
import coop.roseash.shared.activitypub.SignedRequest;
import coop.roseash.shared.activitypub.KeyResolver;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Our inboxes take signed activities from another server (a peer on loopback): follows are stored and accepted,
 * posts reach the timeline sanitized, likes of our objects notify; unsigned, tampered, wrongly keyed, expired,
 * replayed and impersonating requests are refused with 401 and change nothing.
 */
@QuarkusTest
@TestProfile(SsoTestProfile.class)
@QuarkusTestResource(PlatformTestResource.class)
class InboxTest {

    static FediversePeer peer;

    @Inject
    LocalActors actors;

    @Inject
    Members members;

    @Inject
    FederationSessions sessions;

    @Inject
    EntityManager em;

    @BeforeAll
    static void startPeer() throws Exception {
        peer = new FediversePeer();
    }

    @AfterAll
    static void stopPeer() {
        peer.close();
    }

    static String fresh(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    URI inbox(String path) {
        return URI.create("http://localhost:" + RestAssured.port + path);
    }

    Response post(String signer, String path, String body, Instant at) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return send(peer.sign(signer, inbox(path), bytes, at), path, bytes);
    }

    static Response send(Map<String, String> headers, String path, byte[] body) {
        RequestSpecification spec = given().contentType("application/activity+json").body(body);
        headers.forEach((name, value) -> {
            if (!"Host".equals(name)) {
                spec.header(name, value);
            }
        });
        return spec.post(path);
    }

    static String follow(String id, String actor, String object) {
        return json(Map.of("@context", "https://www.w3.org/ns/activitystreams", "id", id, "type", "Follow",
                "actor", actor, "object", object));
    }

    static String json(Object value) {
        try {
            return FediversePeer.JSON.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    long count(String sql, Object... params) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var q = em.createNativeQuery(sql);
            for (int i = 0; i < params.length; i++) {
                q.setParameter(i + 1, params[i]);
            }
            return ((Number) q.getSingleResult()).longValue();
        });
    }

    long followers(String remoteActor) {
        return count("SELECT count(*) FROM followers f JOIN remote_actors r ON r.id = f.remote_actor_id WHERE r.actor_uri = ?1",
                remoteActor);
    }

    @Test
    void aSignedFollowIsStoredAndAcceptedWithASignedPost() throws Exception {
        String bob = fresh("bob");
        String bobUri = peer.actor(bob);
        String followId = bobUri + "/follows/" + UUID.randomUUID();
        LocalActor target = actors.serviceActor("federation");
        String targetUri = "http://federation.localhost:8005/users/federation";

        post(bob, "/users/federation/inbox", follow(followId, bobUri, targetUri), Instant.now()).then().statusCode(202);

        assertThat(followers(bobUri)).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM notifications n JOIN remote_actors r ON r.id = n.remote_actor_id "
                + "WHERE r.actor_uri = ?1 AND n.type = 'follow'", bobUri)).isEqualTo(1);
        // the Accept reaches bob's shared inbox, signed by the followed actor
        FediversePeer.Received accept = peer.awaitPost(j -> "Accept".equals(j.path("type").asText())
                && followId.equals(j.path("object").path("id").asText()), Duration.ofSeconds(20));
        assertThat(accept.json().path("actor").asText()).isEqualTo(targetUri);
        Map<String, String> headers = SignedRequest.join(accept.headers());
        SignedRequest received = new SignedRequest("POST", "http", "127.0.0.1:" + URI.create(peer.base()).getPort(),
                accept.path(), headers, accept.body());
        KeyResolver ours = (keyId, refresh) -> new KeyResolver.OwnedKey(ActorKeys.publicKey(target.publicKeyPem()), targetUri);
        assertThat(new SignatureVerifier(ours, Duration.ofHours(12), Duration.ofHours(1)).verify(received, Instant.now()).keyId())
                .isEqualTo(targetUri + "#main-key");
        assertThat(headers.get("signature")).contains("headers=\"(request-target) host date digest\"");

        // Undo(Follow) removes the follower
        String undo = json(Map.of("id", bobUri + "/undo/" + UUID.randomUUID(), "type", "Undo", "actor", bobUri,
                "object", Map.of("id", followId, "type", "Follow", "actor", bobUri, "object", targetUri)));
        post(bob, "/inbox", undo, Instant.now()).then().statusCode(202);
        assertThat(followers(bobUri)).isZero();
    }

    @Test
    void badlySignedRequestsAre401AndChangeNothing() throws Exception {
        String eve = fresh("eve");
        String eveUri = peer.actor(eve);
        String body = follow(eveUri + "/follows/" + UUID.randomUUID(), eveUri, "http://federation.localhost:8005/users/federation");
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);

        // unsigned
        given().contentType("application/activity+json").body(body).post("/inbox").then().statusCode(401);
        // tampered body: signed one body, sent another
        Map<String, String> signedForOther = peer.sign(eve, inbox("/inbox"), "{\"type\":\"Follow\"}".getBytes(StandardCharsets.UTF_8), Instant.now());
        send(signedForOther, "/inbox", bytes).then().statusCode(401);
        // a wrong key: signed with a key that is not eve's
        Map<String, String> wrongKey = CavageSignatures.sign("POST", inbox("/inbox"), bytes, eveUri + "#main-key",
                ActorKeys.privateKey(ActorKeys.generate().privateKey()), Instant.now());
        send(wrongKey, "/inbox", bytes).then().statusCode(401);
        // expired: signed 13 hours ago; and from more than an hour in the future
        post(eve, "/inbox", body, Instant.now().minus(Duration.ofHours(13))).then().statusCode(401);
        post(eve, "/inbox", body, Instant.now().plus(Duration.ofHours(2))).then().statusCode(401);
        // signed for another path
        Map<String, String> otherPath = peer.sign(eve, inbox("/users/federation/inbox"), bytes, Instant.now());
        send(otherPath, "/inbox", bytes).then().statusCode(401);
        // impersonation: mallory signs an activity whose actor is eve
        String mallory = fresh("mallory");
        peer.actor(mallory);
        post(mallory, "/inbox", body, Instant.now()).then().statusCode(401);

        assertThat(followers(eveUri)).isZero();

        // replay: the same signed request a second time
        Map<String, String> good = peer.sign(eve, inbox("/inbox"), bytes, Instant.now());
        send(good, "/inbox", bytes).then().statusCode(202);
        assertThat(followers(eveUri)).isEqualTo(1);
        String undo = json(Map.of("id", eveUri + "/undo/" + UUID.randomUUID(), "type", "Undo", "actor", eveUri,
                "object", FediversePeer.JSON.readTree(body)));
        post(eve, "/inbox", undo, Instant.now()).then().statusCode(202);
        assertThat(followers(eveUri)).isZero();
        Response replayed = send(good, "/inbox", bytes);
        assertThat(replayed.statusCode()).isEqualTo(401);
        assertThat(replayed.asString()).contains("replay");
        assertThat(followers(eveUri)).as("the replayed follow changed nothing").isZero();
    }

    @Test
    void aRotatedKeyIsFetchedAgain() {
        String rita = fresh("rita");
        String ritaUri = peer.actor(rita);
        String target = "http://federation.localhost:8005/users/federation";
        post(rita, "/inbox", follow(ritaUri + "/f/1", ritaUri, target), Instant.now()).then().statusCode(202);
        peer.rotateKey(rita);
        post(rita, "/inbox", follow(ritaUri + "/f/2", ritaUri, target), Instant.now()).then().statusCode(202);
    }

    @Test
    void postsOfFollowedActorsReachTheTimelineSanitizedAndEditsAndDeletesFollow() {
        String carol = fresh("carol");
        String carolUri = peer.actor(carol);
        String name = fresh("m");
        long member = members.signIn(name + "@example.org").id();
        LocalActor me = actors.choose(member, name, null).actor().orElseThrow();
        // the member follows carol (as the social pages will): the follow is pending until carol accepts
        String followId = "http://federation.localhost:8005/users/" + name + "/activities/" + UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                INSERT INTO remote_actors (actor_uri, inbox_url, domain) VALUES (?1, ?2, '127.0.0.1')
                ON CONFLICT DO NOTHING""").setParameter(1, carolUri).setParameter(2, carolUri + "/inbox").executeUpdate());
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                INSERT INTO following (actor_profile_id, remote_actor_id, follow_activity_uri)
                SELECT ?1, id, ?2 FROM remote_actors WHERE actor_uri = ?3""")
                .setParameter(1, me.profileId()).setParameter(2, followId).setParameter(3, carolUri).executeUpdate());
        post(carol, "/inbox", json(Map.of("id", carolUri + "/accept/1", "type", "Accept", "actor", carolUri,
                "object", Map.of("id", followId, "type", "Follow"))), Instant.now()).then().statusCode(202);
        assertThat(count("SELECT count(*) FROM following WHERE follow_activity_uri = ?1 AND state = 'accepted'", followId)).isEqualTo(1);

        String noteId = carolUri + "/notes/" + UUID.randomUUID();
        Map<String, Object> note = Map.of("id", noteId, "type", "Note", "attributedTo", carolUri,
                "content", "<p>Hello <script>alert(1)</script><b>fediverse</b></p>", "published", "2026-01-02T03:04:05Z");
        String create = json(Map.of("id", noteId + "/activity", "type", "Create", "actor", carolUri, "object", note));
        post(carol, "/inbox", create, Instant.now()).then().statusCode(202);
        // the same activity again (signed anew, so not a replay): accepted, nothing doubled
        post(carol, "/inbox", create, Instant.now().minusSeconds(5)).then().statusCode(202);
        assertThat(count("SELECT count(*) FROM remote_posts WHERE object_uri = ?1", noteId)).isEqualTo(1);
        String stored = QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(
                "SELECT content_html FROM remote_posts WHERE object_uri = ?1").setParameter(1, noteId).getSingleResult());
        assertThat(stored).contains("<b>fediverse</b>").contains("Hello").doesNotContain("script");

        Map<String, Object> edited = Map.of("id", noteId, "type", "Note", "attributedTo", carolUri, "content", "<p>Edited</p>");
        post(carol, "/inbox", json(Map.of("id", noteId + "/edit", "type", "Update", "actor", carolUri, "object", edited)),
                Instant.now()).then().statusCode(202);
        assertThat(count("SELECT count(*) FROM remote_posts WHERE object_uri = ?1 AND content_html LIKE '%Edited%' "
                + "AND edited_at IS NOT NULL", noteId)).isEqualTo(1);

        // someone else's Update of carol's note is ignored
        String dave = fresh("dave");
        String daveUri = peer.actor(dave);
        Map<String, Object> forged = Map.of("id", noteId, "type", "Note", "attributedTo", carolUri, "content", "forged");
        post(dave, "/inbox", json(Map.of("id", daveUri + "/u/1", "type", "Update", "actor", daveUri, "object", forged)),
                Instant.now()).then().statusCode(202);
        assertThat(count("SELECT count(*) FROM remote_posts WHERE content_html LIKE '%forged%'")).isZero();

        post(carol, "/inbox", json(Map.of("id", noteId + "/delete", "type", "Delete", "actor", carolUri,
                "object", Map.of("id", noteId, "type", "Tombstone"))), Instant.now()).then().statusCode(202);
        assertThat(count("SELECT count(*) FROM remote_posts WHERE object_uri = ?1", noteId)).isZero();

        // unknown types are accepted and ignored
        post(carol, "/inbox", json(Map.of("id", carolUri + "/x/1", "type", "Dance", "actor", carolUri)), Instant.now())
                .then().statusCode(202);

        // the actor deletes itself: gone, with what hung off it
        post(carol, "/inbox", json(Map.of("id", carolUri + "#delete", "type", "Delete", "actor", carolUri, "object", carolUri)),
                Instant.now()).then().statusCode(202);
        assertThat(count("SELECT count(*) FROM remote_actors WHERE actor_uri = ?1", carolUri)).isZero();
        assertThat(count("SELECT count(*) FROM following WHERE follow_activity_uri = ?1", followId)).isZero();
    }

    @Test
    void likesAndBoostsOfOurObjectsNotifyAndUndoRemovesThem() {
        LocalActor blogActor = actors.serviceActor("blog");
        String article = blogArticle(blogActor);
        String fan = fresh("fan");
        String fanUri = peer.actor(fan);
        String likeId = fanUri + "/likes/" + UUID.randomUUID();
        post(fan, "/inbox", json(Map.of("id", likeId, "type", "Like", "actor", fanUri, "object", article)), Instant.now())
                .then().statusCode(202);
        post(fan, "/inbox", json(Map.of("id", fanUri + "/boosts/1", "type", "Announce", "actor", fanUri, "object", article)),
                Instant.now()).then().statusCode(202);
        assertThat(count("SELECT count(*) FROM interactions WHERE object_uri = ?1 AND direction = 'incoming'", article)).isEqualTo(2);
        assertThat(count("SELECT count(*) FROM notifications WHERE object_uri = ?1 AND actor_profile_id = ?2 "
                + "AND type IN ('like', 'announce')", article, blogActor.profileId())).isEqualTo(2);
        // a like of something that is not ours is ignored
        post(fan, "/inbox", json(Map.of("id", fanUri + "/likes/other", "type", "Like", "actor", fanUri,
                "object", "https://elsewhere.example/notes/1")), Instant.now()).then().statusCode(202);
        assertThat(count("SELECT count(*) FROM interactions WHERE object_uri = 'https://elsewhere.example/notes/1'")).isZero();

        post(fan, "/inbox", json(Map.of("id", fanUri + "/undo/1", "type", "Undo", "actor", fanUri,
                "object", Map.of("id", likeId, "type", "Like", "actor", fanUri, "object", article))), Instant.now())
                .then().statusCode(202);
        assertThat(count("SELECT count(*) FROM interactions WHERE activity_uri = ?1", likeId)).isZero();
    }

    @Test
    void adminsSeeTheSiteActorsNotificationsAndMembersOnlyTheirOwn() {
        String article = blogArticle(actors.serviceActor("blog"));
        String fan = fresh("fan");
        String fanUri = peer.actor(fan);
        post(fan, "/inbox", json(Map.of("id", fanUri + "/likes/" + UUID.randomUUID(), "type", "Like", "actor", fanUri,
                "object", article)), Instant.now()).then().statusCode(202);

        // the blog's own actor belongs to no member: its notifications are on the admins' notifications page
        String admin = notificationsPage("admin@rose-ash.coop");
        assertThat(admin).contains("id=\"site-notifications\"").contains("To @blog: ").contains(article)
                .contains("@" + fan + "@");
        String member = notificationsPage(fresh("member") + "@example.org");
        assertThat(member).doesNotContain("id=\"site-notifications\"").doesNotContain(article);
    }

    /** An article the blog's actor published (its Create in the outbox): what likes and boosts may name. */
    private String blogArticle(LocalActor blogActor) {
        String article = "http://blog.localhost:8001/post-" + UUID.randomUUID() + "/";
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                INSERT INTO ap_outbox (actor_profile_id, actor_service, activity_uri, activity_type, object_uri, activity)
                VALUES (?1, 'blog', ?2, 'Create', ?3, CAST(?4 AS jsonb))""")
                .setParameter(1, blogActor.profileId()).setParameter(2, article + "#create").setParameter(3, article)
                .setParameter(4, "{\"type\":\"Create\"}").executeUpdate());
        return article;
    }

    /** The notifications page as this member sees it (with a username: a second choice of one is refused, harmlessly). */
    private String notificationsPage(String email) {
        long member = members.signIn(email).id();
        actors.choose(member, fresh("n"), "Reader");
        return given().cookie("federation_session", sessions.start(member).id()).redirects().follow(false)
                .get("/social/notifications").then().statusCode(200).extract().asString();
    }
}
