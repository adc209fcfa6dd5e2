package coop.roseash.federation.activitypub;

import coop.roseash.devinfra.PlatformTestResource;
import coop.roseash.federation.FormPage;
import coop.roseash.federation.SsoTestProfile;
import coop.roseash.federation.login.FederationSessions;
import coop.roseash.federation.login.Members;
import coop.roseash.shared.activitypub.LocalActors;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The social hub with another server on loopback: a member finds an actor by handle, follows it (a signed Follow
 * reaches it; its Accept makes the follow accepted), its post shows in the member's home timeline sanitized and with
 * its origin, and liking it sends a Like.
 */
@QuarkusTest
@TestProfile(SsoTestProfile.class)
@QuarkusTestResource(PlatformTestResource.class)
class SocialHubTest {

    static FediversePeer peer;

    @Inject
    Members members;

    @Inject
    FederationSessions sessions;

    @Inject
    LocalActors actors;

    @BeforeAll
    static void startPeer() throws Exception {
        peer = new FediversePeer();
    }

    @AfterAll
    static void stopPeer() {
        peer.close();
    }

    /** alice's server posts an activity to one of our inboxes, signed. */
    static Response deliver(String signer, Map<String, Object> activity, String path) {
        byte[] body = InboxTest.json(activity).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        java.net.URI target = java.net.URI.create("http://localhost:" + io.restassured.RestAssured.port + path);
        return InboxTest.send(peer.sign(signer, target, body, java.time.Instant.now()), path, body);
    }

    @Test
    void aMemberFollowsSeesPostsAndLikes() {
        String name = "s" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        long member = members.signIn(name + "@example.org").id();
        actors.choose(member, name, "Sam");
        String session = sessions.start(member).id();

        String alice = "alice" + UUID.randomUUID().toString().substring(0, 6);
        String aliceUri = peer.actor(alice);

        Response search = given().cookie("federation_session", session).redirects().follow(false)
                .queryParam("q", aliceUri).get("/social/search");
        assertThat(search.statusCode()).isEqualTo(200);
        assertThat(search.asString()).contains("@" + alice + "@127.0.0.1").contains("id=\"follow\"");

        FormPage form = FormPage.get("/social/search?q=" + aliceUri, session);
        assertThat(form.submit("/social/follow", Map.of("actor", aliceUri), session).statusCode()).isEqualTo(303);
        String meUri = "http://federation.localhost:8005/users/" + name;
        String followId = peer.awaitPost(j -> "Follow".equals(j.path("type").asText()) && meUri.equals(j.path("actor").asText()),
                Duration.ofSeconds(30)).json().path("id").asText();

        deliver(alice, Map.of("id", aliceUri + "/accept/" + UUID.randomUUID(), "type", "Accept", "actor", aliceUri,
                "object", Map.of("id", followId, "type", "Follow", "actor", meUri, "object", aliceUri)), "/inbox").then().statusCode(202);
        assertThat(given().cookie("federation_session", session).queryParam("q", aliceUri).get("/social/search").asString())
                .contains("You follow them.");

        String noteId = aliceUri + "/notes/" + UUID.randomUUID();
        deliver(alice, Map.of("id", noteId + "/create", "type", "Create", "actor", aliceUri, "object",
                Map.of("id", noteId, "type", "Note", "attributedTo", aliceUri,
                        "content", "<p>Spring <img src=x onerror=alert(1)>flowers</p>", "published", "2026-12-01T09:00:00Z")),
                "/inbox").then().statusCode(202);
        String home = given().cookie("federation_session", session).get("/social").asString();
        assertThat(home).contains("Spring").contains("flowers").contains("from 127.0.0.1").doesNotContain("onerror");

        FormPage homeForm = FormPage.get("/social", session);
        assertThat(homeForm.submit("/social/interact", Map.of("object", noteId, "kind", "like"), session).statusCode()).isEqualTo(303);
        peer.awaitPost(j -> "Like".equals(j.path("type").asText()) && noteId.equals(j.path("object").asText()), Duration.ofSeconds(30));
        assertThat(given().cookie("federation_session", session).get("/social").asString()).contains("Liked");
    }

    @Test
    void membersWithoutAUsernameChooseOneFirst() {
        long member = members.signIn("nouser." + UUID.randomUUID() + "@example.org").id();
        Response home = given().cookie("federation_session", sessions.start(member).id()).redirects().follow(false).get("/social");
        assertThat(home.statusCode()).isEqualTo(303);
        assertThat(home.getHeader("Location")).endsWith("/choose-username");
    }

    @Test
    void aNoteMentioningSomeoneReachesThemEscapedAndTooLongIsRefused() {
        String name = "c" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        long member = members.signIn(name + "@example.org").id();
        actors.choose(member, name, null);
        String session = sessions.start(member).id();
        String bea = "bea" + UUID.randomUUID().toString().substring(0, 6);
        peer.actor(bea);
        String handle = "@" + bea + "@127.0.0.1:" + java.net.URI.create(peer.base()).getPort();

        FormPage form = FormPage.get("/social/compose", session);
        // the live count is an island (sx.js updates it as the member types); the server renders its first state
        assertThat(form.page().asString()).contains("data-sx-island=\"federation/social/note-field\"")
                .contains("500 of 500 characters left");
        Response sent = form.submit("/social/compose", Map.of("text", "Hi " + handle + " <b>not bold</b>"), session);
        assertThat(sent.statusCode()).isEqualTo(303);
        com.fasterxml.jackson.databind.JsonNode create = peer.awaitPost(j -> "Create".equals(j.path("type").asText())
                && j.path("object").path("content").asText().contains("not bold"), Duration.ofSeconds(30)).json();
        assertThat(create.path("object").path("content").asText()).contains("&lt;b&gt;not bold&lt;/b&gt;")
                .contains("class=\"u-url mention\"");
        assertThat(create.path("object").path("tag").path(0).path("href").asText()).isEqualTo(peer.actor(bea));
        assertThat(given().cookie("federation_session", session).get("/social/local").asString()).contains("not bold");

        Response tooLong = FormPage.get("/social/compose", session).submit("/social/compose", Map.of("text", "x".repeat(501)), session);
        assertThat(tooLong.statusCode()).isEqualTo(422);
        assertThat(tooLong.asString()).contains("at most 500 characters").contains("-1 of 500 characters left");
    }
}
