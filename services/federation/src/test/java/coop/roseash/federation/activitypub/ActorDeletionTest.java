package coop.roseash.federation.activitypub;

import coop.roseash.devinfra.PlatformTestResource;
import coop.roseash.federation.SsoTestProfile;
import coop.roseash.federation.login.MemberErasure;
import coop.roseash.federation.login.Members;
import coop.roseash.shared.activitypub.ActorKeys;
import coop.roseash.shared.activitypub.KeyResolver;
import coop.roseash.shared.activitypub.LocalActor;
import coop.roseash.shared.activitypub.LocalActors;
import coop.roseash.shared.activitypub.SignatureVerifier;
import coop.roseash.shared.activitypub.SignedRequest;
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

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A member who deletes their account is deleted on the fediverse too: the server that followed them gets a
 * {@code Delete} of their actor signed with the actor's key, the actor's documents answer 410 Gone, its followers and
 * name are gone, and its username is never handed to a newcomer.
 */
@QuarkusTest
@TestProfile(SsoTestProfile.class)
@QuarkusTestResource(PlatformTestResource.class)
class ActorDeletionTest {

    static FediversePeer peer;

    @Inject
    Members members;
    @Inject
    LocalActors actors;
    @Inject
    MemberErasure erasure;
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

    @Test
    void followersAreSentADeleteAndTheActorBecomesATombstone() throws Exception {
        String name = InboxTest.fresh("leaver");
        long member = members.signIn(name + "@example.org").id();
        LocalActor me = actors.choose(member, name, "Leaving Soon").actor().orElseThrow();
        String meUri = "http://federation.localhost:8005/users/" + name;
        String fan = InboxTest.fresh("fan");
        String fanUri = peer.actor(fan);
        byte[] follow = InboxTest.follow(fanUri + "/follows/" + UUID.randomUUID(), fanUri, meUri).getBytes(StandardCharsets.UTF_8);
        String path = "/users/" + name + "/inbox";
        InboxTest.send(peer.sign(fan, URI.create("http://localhost:" + RestAssured.port + path), follow, Instant.now()), path, follow)
                .then().statusCode(202);
        assertThat(followersOf(me.profileId())).isEqualTo(1);

        erasure.deliverNow(member);
        erasure.deliverNow(member); // the bus may deliver twice: one Delete still

        FediversePeer.Received delete = peer.awaitPost(j -> "Delete".equals(j.path("type").asText())
                && meUri.equals(j.path("object").asText()), Duration.ofSeconds(30));
        assertThat(delete.json().path("actor").asText()).isEqualTo(meUri);
        SignedRequest received = new SignedRequest("POST", "http", "127.0.0.1:" + URI.create(peer.base()).getPort(),
                delete.path(), SignedRequest.join(delete.headers()), delete.body());
        KeyResolver key = (keyId, refresh) -> new KeyResolver.OwnedKey(ActorKeys.publicKey(me.publicKeyPem()), meUri);
        assertThat(new SignatureVerifier(key, Duration.ofHours(12), Duration.ofHours(1)).verify(received, Instant.now()).keyId())
                .as("signed with the deleted actor's own key").isEqualTo(meUri + "#main-key");
        assertThat(peer.inboxPosts(j -> "Delete".equals(j.path("type").asText()) && meUri.equals(j.path("object").asText())))
                .hasSize(1);

        given().accept("application/activity+json").get("/users/" + name).then().statusCode(410);
        given().get("/.well-known/webfinger?resource=acct:" + name + "@federation.localhost:8005").then().statusCode(404);
        assertThat(followersOf(me.profileId())).isZero();
        assertThat(count("SELECT count(*) FROM actor_profiles WHERE id = ?1 AND display_name IS NULL AND user_id IS NULL"
                + " AND deleted_at IS NOT NULL", me.profileId())).isEqualTo(1);
        long newcomer = members.signIn(InboxTest.fresh("new") + "@example.org").id();
        assertThat(actors.choose(newcomer, name, null).refusal()).contains(LocalActors.Refusal.TAKEN);
    }

    private long followersOf(long profile) {
        return count("SELECT count(*) FROM followers WHERE actor_profile_id = ?1", profile);
    }

    private long count(String sql, Object param) {
        return QuarkusTransaction.requiringNew().call(() ->
                ((Number) em.createNativeQuery(sql).setParameter(1, param).getSingleResult()).longValue());
    }
}
