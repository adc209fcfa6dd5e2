package coop.roseash.account.sessions;

import coop.roseash.account.support.FakeFederation;
import coop.roseash.account.support.TestCurrentSession;
import coop.roseash.account.support.TestVisitors;
import coop.roseash.devinfra.PlatformTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard's "Where you are signed in": federation's list of the member's sessions (this browser marked, no
 * button to end it), "Sign out everywhere else" and "Sign out this session" as CSRF-checked posts that name this
 * session to federation; a forged post changes nothing; federation down leaves the dashboard working.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
@WithTestResource(FakeFederation.class)
class SessionsTest {

    private static final String ORIGIN = "http://account.localhost:8006";

    private static long newMember() {
        return 70_000 + (long) (Math.random() * 1_000_000);
    }

    private static String visitor(long member) {
        return member + ":m" + member + "@example.org:member";
    }

    private static Response dashboard(long member, String sid) {
        return given().header(TestVisitors.HEADER, visitor(member)).header(TestCurrentSession.HEADER, sid).get("/");
    }

    /** A browser post from the dashboard: its CSRF cookie and token, as the form carries them. */
    private static Response post(long member, String sid, String path) {
        Response page = dashboard(member, sid);
        Document doc = Jsoup.parse(page.asString());
        String token = doc.select("meta[name=csrf-token]").attr("content");
        return given().redirects().follow(false).header(TestVisitors.HEADER, visitor(member))
                .header(TestCurrentSession.HEADER, sid).header("Origin", ORIGIN).header("Sec-Fetch-Site", "same-origin")
                .cookies(page.getCookies()).contentType("application/x-www-form-urlencoded").formParam("_csrf", token)
                .post(path);
    }

    @Test
    void theDashboardListsWhereTheMemberIsSignedInThisBrowserFirst() {
        long member = newMember();
        String laptop = UUID.randomUUID().toString();
        FakeFederation.add(member, "phone-" + laptop, "Mobile Safari 17 on iOS (iPhone)", "blog", "cart");
        FakeFederation.FakeSession mine = FakeFederation.add(member, laptop, "Firefox 128 on Ubuntu", "account");
        FakeFederation.add(newMember(), "someone-else-" + laptop, "Chrome 120 on Windows", "blog");

        Document page = Jsoup.parse(dashboard(member, laptop).then().statusCode(200).extract().asString());
        assertThat(page.select(".session .session-device").eachText())
                .containsExactly("Firefox 128 on Ubuntu", "Mobile Safari 17 on iOS (iPhone)");
        assertThat(page.select(".session.current").attr("data-session")).isEqualTo(Long.toString(mine.id()));
        assertThat(page.select(".session.current button")).as("no button ends this browser's session").isEmpty();
        assertThat(page.select(".session:not(.current) .session-services").text()).isEqualTo("Used on: blog, cart.");
        assertThat(page.select(".session time").first().attr("datetime")).isEqualTo("2026-12-07T17:40:00Z");
        assertThat(page.select(".session.current time").eachText()).containsExactly("7 Dec 2026, 17:40", "7 Dec 2026, 17:40");
        assertThat(page.select("form[action=\"/sessions/sign-out-others\"] input[name=_csrf]")).hasSize(1);
        assertThat(page.text()).doesNotContain("Chrome 120 on Windows");
    }

    @Test
    void signingOutEverywhereElseKeepsThisSession() {
        long member = newMember();
        String sid = UUID.randomUUID().toString();
        FakeFederation.FakeSession mine = FakeFederation.add(member, sid, "Firefox 128 on Ubuntu", "account");
        FakeFederation.FakeSession phone = FakeFederation.add(member, "p-" + sid, "Mobile Safari 17 on iOS (iPhone)", "blog");
        FakeFederation.FakeSession tablet = FakeFederation.add(member, "t-" + sid, "Chrome 120 on Android", "market");

        Response done = post(member, sid, "/sessions/sign-out-others");
        assertThat(done.statusCode()).isEqualTo(303);
        assertThat(done.getHeader("Location")).endsWith("/?done=signed-out-elsewhere");
        assertThat(FakeFederation.SESSIONS).containsKey(mine.id()).doesNotContainKeys(phone.id(), tablet.id());
        assertThat(FakeFederation.CALLS).anyMatch(c -> c.startsWith("POST /internal/sessions/end-others?")
                && c.contains("user_id=" + member) && !c.contains(sid));

        Document after = Jsoup.parse(given().header(TestVisitors.HEADER, visitor(member)).header(TestCurrentSession.HEADER, sid)
                .get("/?done=signed-out-elsewhere").asString());
        assertThat(after.select(".notice").text()).contains("signed out everywhere else");
        assertThat(after.select(".session .session-device").eachText()).containsExactly("Firefox 128 on Ubuntu");
        assertThat(after.select("#sign-out-others")).as("nothing else to sign out of").isEmpty();
    }

    @Test
    void oneChosenSessionEndsAndTheOthersStay() {
        long member = newMember();
        String sid = UUID.randomUUID().toString();
        FakeFederation.FakeSession mine = FakeFederation.add(member, sid, "Firefox 128 on Ubuntu", "account");
        FakeFederation.FakeSession phone = FakeFederation.add(member, "p-" + sid, "Mobile Safari 17 on iOS (iPhone)", "blog");
        FakeFederation.FakeSession tablet = FakeFederation.add(member, "t-" + sid, "Chrome 120 on Android", "market");

        assertThat(post(member, sid, "/sessions/" + phone.id() + "/end").statusCode()).isEqualTo(303);
        assertThat(FakeFederation.SESSIONS).containsKeys(mine.id(), tablet.id()).doesNotContainKey(phone.id());
        // this session, and one that has ended: a message, nothing else changes
        Response self = post(member, sid, "/sessions/" + mine.id() + "/end");
        assertThat(self.statusCode()).isEqualTo(409);
        assertThat(Jsoup.parse(self.asString()).select("[role=alert]").text()).contains("sign out");
        assertThat(post(member, sid, "/sessions/" + phone.id() + "/end").statusCode()).isEqualTo(404);
        assertThat(FakeFederation.SESSIONS).containsKeys(mine.id(), tablet.id());
    }

    @Test
    void aForgedPostEndsNothing() {
        long member = newMember();
        String sid = UUID.randomUUID().toString();
        FakeFederation.add(member, sid, "Firefox 128 on Ubuntu", "account");
        FakeFederation.FakeSession phone = FakeFederation.add(member, "p-" + sid, "Mobile Safari 17 on iOS (iPhone)", "blog");

        given().redirects().follow(false).header(TestVisitors.HEADER, visitor(member)).header(TestCurrentSession.HEADER, sid)
                .header("Origin", "http://evil.example").header("Sec-Fetch-Site", "cross-site")
                .contentType("application/x-www-form-urlencoded").post("/sessions/sign-out-others")
                .then().statusCode(403);
        assertThat(FakeFederation.SESSIONS).containsKey(phone.id());
        // visitors are sent to sign in
        given().redirects().follow(false).post("/sessions/sign-out-others").then().statusCode(303);
        assertThat(FakeFederation.SESSIONS).containsKey(phone.id());
    }

    @Test
    void withoutFederationsAnswerTheDashboardStillShows() {
        long member = newMember();
        // a session federation does not know (as when it is down or the session is gone): the rest of the page shows
        Document page = Jsoup.parse(dashboard(member, "unknown-" + UUID.randomUUID()).then().statusCode(200).extract().asString());
        assertThat(page.select("#sessions-unavailable").text()).isNotBlank();
        assertThat(page.select("a[href=\"/profile\"]")).isNotEmpty();
    }
}
