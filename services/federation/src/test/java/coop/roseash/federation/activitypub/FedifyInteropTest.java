package coop.roseash.federation.activitypub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import coop.roseash.devinfra.PlatformTestResource;
import coop.roseash.federation.SsoTestProfile;
import coop.roseash.shared.activitypub.ActorCollections;
import coop.roseash.shared.activitypub.ActorDocuments;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Interop with an independent implementation: a peer built on Fedify (npm {@code @fedify/fedify}, run with Node; see
 * {@link FedifyPeer}) follows the blog's actor, gets our Accept, and receives the blog's {@code Create(Article)}, each
 * checked by Fedify's own signature verification; our inbox takes its signed Follow and refuses a copy whose body was
 * changed after Fedify signed it.
 *
 * <p>The blog's actor lives on the blog's host ({@code http://blog.localhost:8001} in tests), which is not running
 * here: a loopback stand-in serves the actor document our {@code ActorResource} would serve there (the same
 * {@link ActorDocuments} map), and the peer is told where that origin answers, as a hosts file would.
 */
@QuarkusTest
@TestProfile(SsoTestProfile.class)
@QuarkusTestResource(PlatformTestResource.class)
class FedifyInteropTest {

    static final String BLOG = "http://blog.localhost:8001";
    static final String BLOG_ACTOR = BLOG + "/users/blog";
    static final String FEDERATION = "http://federation.localhost:8005";
    static final String FEDERATION_ACTOR = FEDERATION + "/users/federation";

    static final HttpClient HTTP = HttpClient.newHttpClient();

    static FedifyPeer peer;
    static HttpServer blogHost;
    static String unavailable;
    static final AtomicReference<byte[]> blogActorDocument = new AtomicReference<>();

    @Inject
    ActivityPublisher publisher;

    @Inject
    LocalActors actors;

    @Inject
    ActorDocuments documents;

    @Inject
    ActorCollections collections;

    @Inject
    ObjectMapper json;

    @Inject
    EntityManager em;

    @BeforeAll
    static void startPeer() throws Exception {
        blogHost = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        blogHost.createContext("/users/blog", exchange -> {
            try (exchange) {
                byte[] doc = blogActorDocument.get();
                if (doc == null || !"/users/blog".equals(exchange.getRequestURI().getPath())) {
                    exchange.sendResponseHeaders(404, -1);
                    return;
                }
                exchange.getResponseHeaders().add("Content-Type", "application/activity+json; charset=utf-8");
                exchange.sendResponseHeaders(200, doc.length);
                exchange.getResponseBody().write(doc);
            }
        });
        blogHost.start();
        try {
            peer = FedifyPeer.start(Map.of(BLOG, "http://127.0.0.1:" + blogHost.getAddress().getPort()));
        } catch (TestAbortedException e) {
            // reported per test below, so the reports list the tests as skipped (an abort here lists none)
            unavailable = e.getMessage();
        }
    }

    @BeforeEach
    void needsThePeer() {
        Assumptions.assumeTrue(unavailable == null, unavailable);
    }

    @AfterAll
    static void stopPeer() {
        if (peer != null) {
            peer.close();
        }
        if (blogHost != null) {
            blogHost.stop(0);
        }
    }

    String inbox() {
        return "http://localhost:" + RestAssured.port + "/inbox";
    }

    @AfterEach
    void forgetThePeersFollowers() {
        if (peer == null) {
            return;
        }
        // the peer stops with the class: later tests' deliveries should not be queued for it
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "DELETE FROM followers WHERE remote_actor_id IN (SELECT id FROM remote_actors WHERE actor_uri LIKE ?1)")
                .setParameter(1, peer.base() + "/%").executeUpdate());
    }

    @Test
    void fedifyReadsOurActorDocumentAsServed() throws Exception {
        // federation's own service actor, served by this application (ActorResource, content negotiation)
        peer.post("/_test/hosts", Map.of(FEDERATION, "http://localhost:" + RestAssured.port));
        actors.serviceActor("federation");
        JsonNode found = peer.post("/_test/lookup", Map.of("url", FEDERATION_ACTOR)).json();
        assertThat(found.path("found").asBoolean()).as("Fedify's lookupObject: %s\n%s", found, peer.output()).isTrue();
        assertThat(found.path("type").asText()).isEqualTo("https://www.w3.org/ns/activitystreams#Service");
        assertThat(found.path("id").asText()).isEqualTo(FEDERATION_ACTOR);
        assertThat(found.path("preferredUsername").asText()).isEqualTo("federation");
        assertThat(found.path("inbox").asText()).isEqualTo(FEDERATION_ACTOR + "/inbox");
        assertThat(found.path("sharedInbox").asText()).isEqualTo(FEDERATION + "/inbox");
        assertThat(found.path("publicKey").path("id").asText()).isEqualTo(FEDERATION_ACTOR + "#main-key");
        assertThat(found.path("publicKey").path("owner").asText()).isEqualTo(FEDERATION_ACTOR);
        assertThat(found.path("publicKey").path("usable").asBoolean()).as("Fedify imported our publicKeyPem").isTrue();
    }

    @Test
    void aFedifyServerFollowsTheBlogAndReceivesItsArticleAndATamperedFollowIsRefused() throws Exception {
        LocalActor blog = actors.serviceActor("blog");
        blogActorDocument.set(json.writeValueAsBytes(documents.actor(blog)));
        String alice = "alice" + UUID.randomUUID().toString().substring(0, 8);
        String aliceUri = peer.actor(alice);

        // (1) Fedify sends a signed Follow (its own sendActivity); our inbox takes it and our Accept reaches Fedify
        FedifyPeer.Answer follow = peer.post("/_test/follow", Map.of("actor", alice, "object", BLOG_ACTOR, "inbox", inbox()));
        assertThat(follow.status()).as("Fedify's delivery of the Follow: %s\n%s", follow.json(), peer.output()).isEqualTo(200);
        String followId = follow.json().path("id").asText();
        assertThat(followers(aliceUri)).as("the Follow is stored").isEqualTo(1);
        List<JsonNode> knocks = matching(peer.get("/_test/sent").json(), j -> inbox().equals(j.path("url").asText()));
        assertThat(knocks).as("Fedify's POSTs of the Follow").isNotEmpty();
        assertThat(knocks.get(knocks.size() - 1).path("status").asInt()).isEqualTo(202);
        System.out.println("Fedify's knocks on our inbox for the Follow: " + knocks);

        JsonNode accept = awaitReceived(j -> j.path("type").asText().endsWith("#Accept")
                && followId.equals(j.path("objectId").asText()));
        assertThat(accept.path("actor").asText()).isEqualTo(BLOG_ACTOR);
        assertThat(accept.path("signature").asText()).as("our DeliveryWorker signs draft-cavage").isEqualTo("draft-cavage");

        // (2) a post published on the blog reaches Fedify as Create(Article), signed by the blog's actor
        String url = BLOG + "/fedify-" + UUID.randomUUID() + "/";
        QuarkusTransaction.requiringNew().run(() -> publisher.publish("Create", BLOG, InboxTest.json(Map.of(
                "type", "Article", "id", url, "url", url, "name", "Hello, Fedify", "content", "<p>Interop words</p>",
                "published", "2026-12-01T10:00:00Z", "attributedTo", BLOG)), "blog", Visibility.PUBLIC));
        JsonNode create = awaitReceived(j -> j.path("type").asText().endsWith("#Create") && url.equals(j.path("objectId").asText()));
        assertThat(create.path("actor").asText()).isEqualTo(BLOG_ACTOR);
        JsonNode article = create.path("object");
        assertThat(article.path("type").asText()).as("the object as Fedify parsed it: %s", article).isEqualTo("Article");
        assertThat(article.path("name").asText()).isEqualTo("Hello, Fedify");
        assertThat(article.path("content").asText()).isEqualTo("<p>Interop words</p>");
        assertThat(article.path("attributedTo").asText()).isEqualTo(BLOG_ACTOR);
        assertThat(peer.get("/_test/refused").json()).as("nothing of ours failed Fedify's verification").isEmpty();
        System.out.println("Fedify's inbox received, verified: " + peer.get("/_test/received").json());

        // (3) Fedify signs a Follow by bob (draft-cavage and RFC 9421); a copy with its body changed is refused, and
        // so is one whose digest header was also recomputed for the new body (the signature no longer verifies)
        String bob = "bob" + UUID.randomUUID().toString().substring(0, 8);
        String bobUri = peer.actor(bob);
        long blogFollowers = collections.followersCount(blog);
        JsonNode cavage = null;
        for (String spec : List.of("draft-cavage-http-signatures-12", "rfc9421")) {
            JsonNode signed = peer.post("/_test/signed-follow", Map.of("actor", bob, "object", BLOG_ACTOR,
                    "inbox", inbox(), "spec", spec)).json();
            String body = signed.path("body").asText();
            String tampered = body.replace(BLOG_ACTOR, FEDERATION_ACTOR);
            assertThat(tampered).isNotEqualTo(body);
            HttpResponse<String> refused = send(signed.path("headers"), tampered);
            assertThat(refused.statusCode()).as("%s, body changed after signing: %s", spec, refused.body()).isEqualTo(401);
            System.out.println("Fedify-signed Follow (" + spec + ") with its body changed: " + refused.statusCode() + " " + refused.body());
            ObjectNode redigested = ((ObjectNode) signed.path("headers")).deepCopy();
            byte[] sha256 = MessageDigest.getInstance("SHA-256").digest(tampered.getBytes(StandardCharsets.UTF_8));
            String b64 = Base64.getEncoder().encodeToString(sha256);
            if (redigested.has("content-digest")) {
                redigested.put("content-digest", "sha-256=:" + b64 + ":");
            } else {
                redigested.put("digest", "SHA-256=" + b64);
            }
            HttpResponse<String> forged = send(redigested, tampered);
            assertThat(forged.statusCode()).as("%s, body and digest changed: %s", spec, forged.body()).isEqualTo(401);
            assertThat(forged.body()).contains("does not verify");
            System.out.println("... and its digest recomputed: " + forged.statusCode() + " " + forged.body());
            assertThat(followers(bobUri)).as("the tampered Follow changed nothing").isZero();
            if (cavage == null) {
                cavage = signed;
            }
        }
        assertThat(collections.followersCount(blog)).isEqualTo(blogFollowers);
        assertThat(followers(bobUri, FEDERATION_ACTOR)).isZero();

        // the same signed request, untouched, is taken: the refusal was the tampering
        HttpResponse<String> untouched = send(cavage.path("headers"), cavage.path("body").asText());
        assertThat(untouched.statusCode()).as(untouched.body()).isEqualTo(202);
        assertThat(followers(bobUri)).isEqualTo(1);
    }

    /** POSTs {@code body} to our shared inbox with the peer's signed headers, as they are (Host is the same). */
    HttpResponse<String> send(JsonNode headers, String body) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(inbox())).timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        Set<String> restricted = Set.of("host", "content-length", "connection");
        headers.fields().forEachRemaining(h -> {
            if (!restricted.contains(h.getKey().toLowerCase())) {
                r.header(h.getKey(), h.getValue().asText());
            }
        });
        return HTTP.send(r.build(), HttpResponse.BodyHandlers.ofString());
    }

    JsonNode awaitReceived(Predicate<JsonNode> matching) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
        JsonNode received;
        do {
            received = peer.get("/_test/received").json();
            List<JsonNode> found = matching(received, matching);
            if (!found.isEmpty()) {
                return found.get(0);
            }
            Thread.sleep(200);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("Fedify's inbox did not receive it within 40 s; it received " + received
                + "; it refused " + peer.get("/_test/refused").json() + "\n" + peer.output());
    }

    static List<JsonNode> matching(JsonNode array, Predicate<JsonNode> p) {
        List<JsonNode> out = new ArrayList<>();
        array.forEach(j -> {
            if (p.test(j)) {
                out.add(j);
            }
        });
        return out;
    }

    long followers(String remoteActor) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT count(*) FROM followers f JOIN remote_actors r ON r.id = f.remote_actor_id WHERE r.actor_uri = ?1")
                .setParameter(1, remoteActor).getSingleResult()).longValue());
    }

    long followers(String remoteActor, String localActor) {
        String name = localActor.substring(localActor.lastIndexOf('/') + 1);
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("""
                SELECT count(*) FROM followers f JOIN remote_actors r ON r.id = f.remote_actor_id
                JOIN actor_profiles p ON p.id = f.actor_profile_id
                WHERE r.actor_uri = ?1 AND f.actor_service = 'federation' AND p.username = ?2""")
                .setParameter(1, remoteActor).setParameter(2, name).getSingleResult()).longValue());
    }
}
