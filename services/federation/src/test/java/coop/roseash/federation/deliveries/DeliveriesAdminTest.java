package coop.roseash.federation.deliveries;

import coop.roseash.devinfra.PlatformTestResource;
import coop.roseash.federation.FormPage;
import coop.roseash.federation.SsoTestProfile;
import coop.roseash.federation.login.FederationSessions;
import coop.roseash.federation.login.Members;
import coop.roseash.shared.activitypub.LocalActor;
import coop.roseash.shared.activitypub.LocalActors;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Admins see the fediverse servers our deliveries fail at, and send given-up deliveries again; members who are not
 * admins see nothing of it, and the retry needs the form's CSRF token.
 */
@QuarkusTest
@TestProfile(SsoTestProfile.class)
@QuarkusTestResource(PlatformTestResource.class)
class DeliveriesAdminTest {

    @Inject
    Members members;

    @Inject
    FederationSessions sessions;

    @Inject
    LocalActors actors;

    @Inject
    EntityManager em;

    @Test
    void anAdminSeesAServerThatKeepsFailingAndSendsItsDeliveriesAgain() {
        String inbox = "https://down-" + UUID.randomUUID().toString().substring(0, 8) + ".example/inbox";
        queue(inbox, "pending", 3, "no answer within 10 s");
        long failed1 = queue(inbox, "failed", 12, "connection refused");
        long failed2 = queue(inbox, "failed", 12, "<b>503</b> from the server"); // the latest error is shown
        String admin = sessions.start(members.signIn("admin@rose-ash.coop").id()).id();

        Response page = given().cookie("federation_session", admin).get("/admin/deliveries");
        assertThat(page.statusCode()).isEqualTo(200);
        String html = page.asString();
        String row = html.substring(html.indexOf(inbox.substring(8, inbox.indexOf(".example"))));
        assertThat(row).contains("class=\"failed-count\">2<").contains("<td>1<small> next ");
        // a remote server's error is text, never markup
        assertThat(html).contains("&lt;b&gt;503&lt;/b&gt;").doesNotContain("<b>503</b>");

        FormPage form = FormPage.get("/admin/deliveries", admin);
        Response retried = form.submit("/admin/deliveries/retry", Map.of("inbox", inbox), admin);
        assertThat(retried.statusCode()).isEqualTo(303);
        assertThat(retried.getHeader("Location")).contains("retried=2");
        // queued again with a fresh set of attempts (the worker may already have tried the unreachable host once)
        assertThat(state(failed1)).matches("pending:[01]");
        assertThat(state(failed2)).matches("pending:[01]");
        assertThat(given().urlEncodingEnabled(false).cookie("federation_session", admin)
                .get(retried.getHeader("Location").replaceFirst("^https?://[^/]+", "")).asString())
                .contains("2 deliveries to " + inbox + " are queued again.");
    }

    @Test
    void membersWhoAreNotAdminsAndRequestsWithoutTheFormsTokenChangeNothing() {
        String inbox = "https://gone-" + UUID.randomUUID().toString().substring(0, 8) + ".example/inbox";
        long failed = queue(inbox, "failed", 12, "gone");
        String member = sessions.start(members.signIn("m" + UUID.randomUUID().toString().substring(0, 8) + "@example.org").id()).id();

        assertThat(given().redirects().follow(false).get("/admin/deliveries").getHeader("Location"))
                .contains("/auth/login?continue=/admin/deliveries");
        Response forbidden = given().cookie("federation_session", member).get("/admin/deliveries");
        assertThat(forbidden.statusCode()).isEqualTo(403);
        assertThat(forbidden.asString()).doesNotContain(inbox);

        // a valid token from a page the member may see does not make them an admin
        Response refused = FormPage.get("/choose-username", member)
                .submit("/admin/deliveries/retry", Map.of("inbox", inbox), member);
        assertThat(refused.statusCode()).isEqualTo(403);

        String admin = sessions.start(members.signIn("admin@rose-ash.coop").id()).id();
        Response noToken = given().redirects().follow(false).cookie("federation_session", admin)
                .contentType("application/x-www-form-urlencoded").header("Origin", "http://federation.localhost:8005")
                .formParam("inbox", inbox).post("/admin/deliveries/retry");
        assertThat(noToken.statusCode()).isEqualTo(403);
        assertThat(state(failed)).isEqualTo("failed:12");
    }

    private long queue(String inbox, String state, int attempts, String error) {
        LocalActor actor = actors.serviceActor("federation");
        return QuarkusTransaction.requiringNew().call(() -> {
            String id = "http://federation.localhost:8005/activities/" + UUID.randomUUID();
            long outbox = ((Number) em.createNativeQuery("INSERT INTO ap_outbox (actor_profile_id, actor_service, activity_uri,"
                    + " activity_type, activity) VALUES (?1, 'federation', ?2, 'Create', CAST(?3 AS jsonb)) RETURNING id")
                    .setParameter(1, actor.profileId()).setParameter(2, id).setParameter(3, "{\"id\":\"" + id + "\"}")
                    .getSingleResult()).longValue();
            return ((Number) em.createNativeQuery("INSERT INTO ap_deliveries (outbox_id, inbox_url, state, attempts, last_error,"
                    + " next_attempt_at) VALUES (?1, ?2, ?3, ?4, ?5, now() + interval '1 day') RETURNING id")
                    .setParameter(1, outbox).setParameter(2, inbox).setParameter(3, state).setParameter(4, attempts)
                    .setParameter(5, error).getSingleResult()).longValue();
        });
    }

    private String state(long delivery) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Object[] r = (Object[]) em.createNativeQuery("SELECT state, attempts FROM ap_deliveries WHERE id = ?1")
                    .setParameter(1, delivery).getSingleResult();
            return r[0] + ":" + r[1];
        });
    }
}
