package coop.roseash.shared.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import coop.roseash.devinfra.PlatformTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The SX router (defpage/defhandler under /sx/) and CSRF verification, through HTTP as a browser would use them. */
@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
class SxRouterAndCsrfTest {

    private static final String ORIGIN = "http://market.localhost:8002";
    private static final Pattern META_TOKEN = Pattern.compile("<meta name=\"csrf-token\" content=\"([^\"]+)\">");

    @Test
    void defpageRendersInTheSharedLayoutWithItsPathParameter() {
        given().get("/sx/routetest/hello/Ada%20%3Cb%3E").then()
                .statusCode(200)
                .contentType(containsString("text/html"))
                .header("Vary", containsString("SX-Request"))
                .body(containsString("<header class=\"site-header\""))
                .body(containsString("<p id=\"greeting\">Hello, Ada &lt;b&gt;</p>"));
    }

    @Test
    void defpageAnswersAnEngineRequestWithTheWireForm() {
        given().header("SX-Request", "true").get("/sx/routetest/hello/Ada").then()
                .statusCode(200)
                .contentType(containsString("text/sx"))
                .body(containsString("(p :id \"greeting\" \"Hello, Ada\")"))
                .body(not(containsString("<html")));
    }

    @Test
    void membersOnlyPageAsksAnonymousVisitorsToSignIn() {
        given().get("/sx/routetest/members").then()
                .statusCode(401)
                .body(containsString("Please sign in"))
                .body(not(containsString("Members only")));
    }

    @Test
    void unknownRouteIsTheFriendlyNotFoundPage() {
        given().get("/sx/routetest/nowhere").then()
                .statusCode(404)
                .body(containsString("Page not found"));
    }

    @Test
    void ioPrimitivesSeeTheRequestAndSetTheResponse() {
        given().queryParam("q", "<tea>").header("X-Probe", "probed").get("/sx/routetest/io").then()
                .statusCode(202)
                .header("X-Route-Test", "io")
                .body(containsString("<dd id=\"arg\">&lt;tea&gt;</dd>"))
                .body(containsString("<dd id=\"header\">probed</dd>"))
                .body(containsString("<dd id=\"user\">anonymous</dd>"))
                .body(containsString("<dd id=\"app-url\">http://cart.localhost:8003/orders/</dd>"))
                .body(containsString("<dd id=\"url-for\">/search?q=a+b%26c&amp;page=2</dd>"))
                .body(containsString("<dd id=\"config\">market on</dd>"))
                .body(containsString("<dd id=\"asset\">/static/site.css?v="))
                .body(containsString("<dd id=\"helper\">HI!</dd>"));
        given().get("/sx/routetest/io").then().body(containsString("<dd id=\"arg\">none</dd>"));
    }

    @Test
    void failureShowsTheFriendlyPageAndNoDetail() {
        given().get("/test/fails").then()
                .statusCode(500)
                .contentType(containsString("text/html"))
                .body(containsString("Something went wrong"))
                .body(containsString("<header class=\"site-header\""))
                .body(not(containsString("4711")))
                .body(not(containsString("IllegalStateException")));
    }

    @Test
    void handlerRunsOnlyWithTheVisitorsCsrfToken() {
        Session session = Session.open();
        given().header("Origin", ORIGIN).formParam("message", "hi").post("/sx/routetest/echo").then()
                .statusCode(403);
        given().cookie("roseash-csrf", session.cookie).header("X-CSRF-Token", "forged.token")
                .formParam("message", "hi").post("/sx/routetest/echo").then()
                .statusCode(403);
        given().cookie("roseash-csrf", session.cookie).header("X-CSRF-Token", session.token).header("SX-Request", "true")
                .formParam("message", "hi <there>").post("/sx/routetest/echo").then()
                .statusCode(200)
                .contentType(containsString("text/sx"))
                .body(containsString("(p :id \"echo\" \"You said: hi <there>\")"));
        // a plain form post (no JavaScript) carries the token as a field
        given().cookie("roseash-csrf", session.cookie).header("Origin", ORIGIN)
                .formParam("_csrf", session.token).formParam("message", "plain").post("/sx/routetest/echo").then()
                .statusCode(200)
                .body(containsString("You said: plain"));
    }

    @Test
    void browserFormPostNeedsTheTokenInTheHeaderOrTheField() {
        Session session = Session.open();
        given().header("Origin", ORIGIN).formParam("x", "1").post("/test/csrf-probe").then()
                .statusCode(403)
                .contentType(containsString("text/html"))
                .body(containsString("Not allowed"));
        given().header("Origin", ORIGIN).cookie("roseash-csrf", session.cookie)
                .formParam("_csrf", session.token).formParam("x", "1").post("/test/csrf-probe").then()
                .statusCode(200).body(containsString("changed"));
        given().header("Sec-Fetch-Site", "same-origin").cookie("roseash-csrf", session.cookie)
                .header("X-CSRF-Token", session.token).formParam("x", "1").post("/test/csrf-probe").then()
                .statusCode(200);
        // a token from another visitor's page does not match this visitor's cookie
        given().header("Origin", ORIGIN).cookie("roseash-csrf", session.cookie)
                .formParam("_csrf", Session.open().token).post("/test/csrf-probe").then()
                .statusCode(403);
    }

    @Test
    void formBodyWithBrokenPercentEncodingIsABadRequestNotAServerError() {
        Session session = Session.open();
        given().header("Origin", ORIGIN).cookie("roseash-csrf", session.cookie)
                .contentType("application/x-www-form-urlencoded")
                .body("_csrf=" + session.token + "&x=%E0%A4%A")
                .post("/test/csrf-probe").then()
                .statusCode(400)
                .contentType(containsString("text/html"))
                .body(not(containsString("Exception")));
    }

    @Test
    void requestsNoBrowserSentAreNotAskedForAToken() {
        given().formParam("x", "1").post("/test/csrf-probe").then().statusCode(200);
    }

    /** A first visit: the page's meta token and the cookie set with it. */
    private record Session(String cookie, String token) {
        static Session open() {
            Response page = given().get("/");
            Matcher meta = META_TOKEN.matcher(page.asString());
            assertThat(meta.find()).as("page has a csrf-token meta tag").isTrue();
            String cookie = page.getCookie("roseash-csrf");
            assertThat(cookie).isEqualTo(meta.group(1));
            return new Session(cookie, meta.group(1));
        }
    }
}
