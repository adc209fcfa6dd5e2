package coop.roseash.federation.activitypub;

import coop.roseash.devinfra.PlatformTestResource;
import coop.roseash.federation.FormPage;
import coop.roseash.federation.SsoTestProfile;
import coop.roseash.federation.login.FederationSessions;
import coop.roseash.federation.login.Members;
import coop.roseash.shared.model.federation.ActorProfile;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** A member chooses a username once; taken, reserved and malformed names are refused with a message. */
@QuarkusTest
@TestProfile(SsoTestProfile.class)
@QuarkusTestResource(PlatformTestResource.class)
class ChooseUsernameTest {

    @Inject
    Members members;

    @Inject
    FederationSessions sessions;

    String signIn() {
        long id = members.signIn("ap." + UUID.randomUUID() + "@example.org").id();
        return sessions.start(id).id();
    }

    static String freshName() {
        return "m" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    /** Posts the form as the browser would; the CSRF token comes from any page with a form (the chosen page has none). */
    Response choose(String session, String username) {
        FormPage form = FormPage.get("/auth/login", session);
        return form.submit("/choose-username", Map.of("username", username, "display-name", "Ada"), session);
    }

    @Test
    void visitorsAreSentToSignIn() {
        Response page = given().redirects().follow(false).get("/choose-username");
        assertThat(page.statusCode()).isEqualTo(303);
        assertThat(page.getHeader("Location")).endsWith("/auth/login?continue=/choose-username");
    }

    @Test
    void aMemberChoosesOnceAndGetsASealedKeypair() {
        String session = signIn();
        String name = freshName();
        String formPage = FormPage.get("/choose-username", session).page().asString();
        assertThat(formPage).contains("name=\"username\"").contains("Choose your username");
        Response chosen = choose(session, name);
        assertThat(chosen.statusCode()).isEqualTo(303);

        String page = FormPage.get("/choose-username", session).page().asString();
        assertThat(page).contains("@" + name + "@federation.localhost:8005").doesNotContain("name=\"username\"");

        ActorProfile profile = QuarkusTransaction.requiringNew().call(() -> ActorProfile.<ActorProfile>find("username", name).firstResult());
        assertThat(profile.publicKeyPem).startsWith("-----BEGIN PUBLIC KEY-----");
        assertThat(profile.privateKeyPem).as("stored sealed, never as PEM").startsWith("sealed:v1:").doesNotContain("PRIVATE KEY");
        assertThat(profile.displayName).isEqualTo("Ada");

        Response again = choose(session, freshName());
        assertThat(again.statusCode()).as("a second choice is refused").isEqualTo(409);
        assertThat(again.asString()).contains("@" + name + "@");
        long profiles = QuarkusTransaction.requiringNew().call(() -> ActorProfile.count("userId", profile.userId));
        assertThat(profiles).isEqualTo(1);
    }

    @Test
    void takenReservedAndMalformedNamesAreRefusedWithAMessage() {
        String first = signIn();
        String name = freshName();
        assertThat(choose(first, name).statusCode()).isEqualTo(303);

        String second = signIn();
        Response taken = choose(second, name);
        assertThat(taken.statusCode()).isEqualTo(422);
        assertThat(taken.asString()).contains("is taken");

        Response reserved = choose(second, "admin");
        assertThat(reserved.statusCode()).isEqualTo(422);
        assertThat(reserved.asString()).contains("reserved");

        Response serviceName = choose(second, "blog");
        assertThat(serviceName.statusCode()).isEqualTo(422);

        Response malformed = choose(second, "no spaces!");
        assertThat(malformed.statusCode()).isEqualTo(422);
        assertThat(malformed.asString()).contains("only lowercase letters");

        Response tooLong = choose(second, "a".repeat(31));
        assertThat(tooLong.statusCode()).isEqualTo(422);
        assertThat(tooLong.asString()).contains("at most 30");

        Response xss = choose(second, "<script>alert(1)</script>");
        assertThat(xss.statusCode()).isEqualTo(422);
        assertThat(xss.asString()).doesNotContain("<script>alert(1)</script>");

        long secondHasNone = QuarkusTransaction.requiringNew().call(() -> ActorProfile.count("username in ?1",
                java.util.List.of("admin", "blog", "no spaces!")));
        assertThat(secondHasNone).isZero();
    }
}
