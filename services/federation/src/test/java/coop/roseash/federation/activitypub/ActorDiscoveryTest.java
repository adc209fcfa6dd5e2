package coop.roseash.federation.activitypub;

import coop.roseash.devinfra.PlatformTestResource;
import coop.roseash.federation.SsoTestProfile;
import coop.roseash.federation.login.Members;
import coop.roseash.shared.activitypub.LocalActors;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** Actor documents, content negotiation, WebFinger, NodeInfo and the paged collections, as remote servers read them. */
@QuarkusTest
@TestProfile(SsoTestProfile.class)
@QuarkusTestResource(PlatformTestResource.class)
class ActorDiscoveryTest {

    static final String AS_JSON = "application/activity+json";
    static final String LD_JSON = "application/ld+json; profile=\"https://www.w3.org/ns/activitystreams\"";

    @Inject
    Members members;

    @Inject
    LocalActors actors;

    String name;

    @BeforeEach
    void aMemberWithAUsername() {
        name = "d" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        long member = members.signIn(name + "@example.org").id();
        assertThat(actors.choose(member, name, "Dora").actor()).isPresent();
    }

    @Test
    void aMembersActorIsAPersonWithKeyInboxesAndItsServiceViews() {
        Response response = given().accept(AS_JSON).get("/users/" + name);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("application/activity+json");
        JsonPath actor = response.jsonPath();
        String id = "http://federation.localhost:8005/users/" + name;
        assertThat(actor.getString("id")).isEqualTo(id);
        assertThat(actor.getString("type")).isEqualTo("Person");
        assertThat(actor.getString("preferredUsername")).isEqualTo(name);
        assertThat(actor.getString("inbox")).isEqualTo(id + "/inbox");
        assertThat(actor.getString("outbox")).isEqualTo(id + "/outbox");
        assertThat(actor.getString("followers")).isEqualTo(id + "/followers");
        assertThat(actor.getString("following")).isEqualTo(id + "/following");
        assertThat(actor.getString("endpoints.sharedInbox")).isEqualTo("http://federation.localhost:8005/inbox");
        assertThat(actor.getString("publicKey.id")).isEqualTo(id + "#main-key");
        assertThat(actor.getString("publicKey.owner")).isEqualTo(id);
        assertThat(actor.getString("publicKey.publicKeyPem")).startsWith("-----BEGIN PUBLIC KEY-----");
        assertThat(actor.getList("alsoKnownAs", String.class)).containsExactly(
                "http://blog.localhost:8001/users/" + name, "http://market.localhost:8002/users/" + name,
                "http://events.localhost:8004/users/" + name);
    }

    @Test
    void ldJsonWithTheActivityStreamsProfileGetsJsonAndBrowsersGetTheProfilePage() {
        assertThat(given().accept(LD_JSON).get("/users/" + name).then().statusCode(200).extract().jsonPath().getString("type"))
                .isEqualTo("Person");
        Response page = given().accept("text/html,application/xhtml+xml,*/*;q=0.8").get("/users/" + name);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.asString()).contains("Dora").contains("@" + name + "@federation.localhost:8005");
    }

    @Test
    void theServiceHasItsOwnServiceActor() {
        JsonPath actor = given().accept(AS_JSON).get("/users/federation").then().statusCode(200).extract().jsonPath();
        assertThat(actor.getString("type")).isEqualTo("Service");
        assertThat(actor.getString("publicKey.publicKeyPem")).contains("PUBLIC KEY");
        given().accept(AS_JSON).get("/users/blog").then().statusCode(404);
        given().accept(AS_JSON).get("/users/nobody_here_" + name).then().statusCode(404);
    }

    @Test
    void webFingerFindsActorsByAcctOnThisHostOnly() {
        Response answer = given().queryParam("resource", "acct:" + name + "@federation.localhost:8005").get("/.well-known/webfinger");
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.contentType()).startsWith("application/jrd+json");
        JsonPath jrd = answer.jsonPath();
        assertThat(jrd.getString("subject")).isEqualTo("acct:" + name + "@federation.localhost:8005");
        assertThat(jrd.getString("links.find { it.rel == 'self' }.href")).isEqualTo("http://federation.localhost:8005/users/" + name);
        assertThat(jrd.getString("links.find { it.rel == 'self' }.type")).isEqualTo(AS_JSON);
        given().queryParam("resource", "acct:" + name + "@blog.localhost:8001").get("/.well-known/webfinger").then().statusCode(404);
        given().queryParam("resource", "acct:nobody_" + name + "@federation.localhost:8005").get("/.well-known/webfinger")
                .then().statusCode(404);
        given().get("/.well-known/webfinger").then().statusCode(400);
    }

    @Test
    void nodeInfoIsDiscoverable() {
        String href = given().get("/.well-known/nodeinfo").then().statusCode(200).extract().jsonPath()
                .getString("links.find { it.rel == 'http://nodeinfo.diaspora.software/ns/schema/2.1' }.href");
        assertThat(href).isEqualTo("http://federation.localhost:8005/nodeinfo/2.1");
        JsonPath info = given().get("/nodeinfo/2.1").then().statusCode(200).extract().jsonPath();
        assertThat(info.getString("version")).isEqualTo("2.1");
        assertThat(info.getString("software.name")).isEqualTo("rose-ash");
        assertThat(info.getList("protocols", String.class)).containsExactly("activitypub");
        assertThat(info.getLong("usage.users.total")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void collectionsArePagedOrderedCollections() {
        String id = "http://federation.localhost:8005/users/" + name;
        for (String collection : new String[]{"outbox", "followers", "following"}) {
            JsonPath c = given().accept(AS_JSON).get("/users/" + name + "/" + collection).then().statusCode(200).extract().jsonPath();
            assertThat(c.getString("type")).isEqualTo("OrderedCollection");
            assertThat(c.getInt("totalItems")).isZero();
            assertThat(c.getString("first")).isEqualTo(id + "/" + collection + "?page=1");
            JsonPath page = given().accept(AS_JSON).get("/users/" + name + "/" + collection + "?page=1").then().statusCode(200)
                    .extract().jsonPath();
            assertThat(page.getString("type")).isEqualTo("OrderedCollectionPage");
            assertThat(page.getString("partOf")).isEqualTo(id + "/" + collection);
            assertThat(page.getList("orderedItems")).isEmpty();
        }
        given().get("/users/" + name + "/outbox?page=0").then().statusCode(404);
    }
}
