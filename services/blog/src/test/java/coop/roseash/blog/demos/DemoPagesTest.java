package coop.roseash.blog.demos;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Every /sx/demos page answers a plain GET with a full page and an engine request with text/sx; handlers over HTTP. */
@QuarkusTest
class DemoPagesTest {

    static final List<String> PAGES = List.of("/sx/demos", "/sx/demos/click-to-load", "/sx/demos/infinite-scroll",
            "/sx/demos/active-search", "/sx/demos/inline-edit", "/sx/demos/delete", "/sx/demos/tabs",
            "/sx/demos/tabs/tools", "/sx/demos/oob", "/sx/demos/form", "/sx/demos/counter", "/sx/demos/temperature",
            "/sx/demos/store", "/sx/demos/bridge", "/sx/demos/morph", "/sx/demos/style");
    private static final Pattern META_TOKEN = Pattern.compile("<meta name=\"csrf-token\" content=\"([^\"]+)\">");

    static List<String> pages() {
        return PAGES;
    }

    @ParameterizedTest
    @MethodSource("pages")
    void plainGetIsAFullPageInTheLayout(String path) {
        given().get(path).then()
                .statusCode(200)
                .contentType(containsString("text/html"))
                .header("Vary", containsString("SX-Request"))
                .body(containsString("<!DOCTYPE html>"))
                .body(containsString("<script src=\"/static/sx.js"))
                .body(containsString("<article class=\"sx-demo\">"))
                .body(containsString("<a href=\"/sx/demos\">All demos</a>"));
    }

    @ParameterizedTest
    @MethodSource("pages")
    void engineRequestGetsTheWireForm(String path) {
        given().header("SX-Request", "true").get(path).then()
                .statusCode(200)
                .contentType(containsString("text/sx"))
                .header("Vary", containsString("SX-Request"))
                .body(containsString("(~demos/frame"))
                .body(not(containsString("<html")));
    }

    @Test
    void indexLinksEveryDemo() {
        String index = given().get("/sx/demos").asString();
        PAGES.stream().filter(p -> !p.equals("/sx/demos") && !p.equals("/sx/demos/tabs/tools"))
                .forEach(p -> assertThat(index).contains("<a href=\"" + p + "\">"));
    }

    @Test
    void definitionsAreSentAheadOnlyWhenTheClientLacksThem() {
        Response first = given().header("SX-Request", "true").get("/sx/demos/counter");
        String hash = first.header("SX-Components-Hash");
        assertThat(hash).isNotBlank();
        assertThat(first.asString()).contains("(defisland ~demos/counter");
        given().header("SX-Request", "true").header("SX-Components-Hash", hash).get("/sx/demos/counter").then()
                .header("SX-Components-Hash", (String) null)
                .body(not(containsString("(defisland")))
                .body(containsString("(~demos/counter :initial 5)"));
    }

    @Test
    void islandsAreServerRenderedWithTheirState() {
        given().get("/sx/demos/counter").then()
                .body(containsString("data-sx-island=\"demos/counter\" data-sx-state=\"{&quot;initial&quot;:5}\""))
                .body(containsString("<output class=\"count\">5</output>"));
        given().get("/sx/demos/temperature").then()
                .body(containsString("value=\"68.0\""))
                .body(containsString("Kelvin: 293.15"));
    }

    @Test
    void unknownTabIsNotFoundButStillAPage() {
        given().get("/sx/demos/tabs/nowhere").then()
                .statusCode(404)
                .body(containsString("There is no such tab."));
    }

    @Test
    void validationErrorsAnswer422WithTheValuesKept() {
        Session session = Session.open();
        session.engine()
                .formParam("name", "Ada <b>").formParam("email", "taken@example.com").post("/sx/demos/form").then()
                .statusCode(422)
                .contentType(containsString("text/sx"))
                .body(containsString("That address has already signed up."))
                .body(containsString("\"Ada <b>\""));
        session.engine()
                .formParam("name", "Ada").formParam("email", "ada@example.org").post("/sx/demos/form").then()
                .statusCode(200)
                .body(containsString("Welcome aboard, Ada!"));
    }

    @Test
    void handlersRefuseAPostWithoutTheToken() {
        given().header("SX-Request", "true").formParam("note", "forged").post("/sx/demos/oob").then().statusCode(403);
        given().header("SX-Request", "true").delete("/sx/demos/delete/1").then().statusCode(403);
        given().get("/sx/demos/oob").then().body(not(containsString("forged")));
    }

    @Test
    void plainFormPostRedirectsToTheFullPage() {
        Session session = Session.open();
        given().redirects().follow(false).cookie("roseash-csrf", session.cookie)
                .formParam("_csrf", session.token).formParam("note", "plain <note>").post("/sx/demos/oob").then()
                .statusCode(303)
                .header("Location", equalTo("/sx/demos/oob"));
        given().get("/sx/demos/oob").then().body(containsString("<li class=\"note\">plain &lt;note&gt;</li>"));
        given().redirects().follow(false).cookie("roseash-csrf", session.cookie)
                .formParam("_csrf", session.token).formParam("name", "").formParam("email", "x").post("/sx/demos/form").then()
                .statusCode(303)
                .header("Location", equalTo("/sx/demos/form?submitted=true&name=&email=x"));
        given().get("/sx/demos/form?submitted=true&name=&email=x").then()
                .statusCode(422)
                .body(containsString("Please give your name."));
    }

    @Test
    void outOfBandResponseCarriesTheCount() {
        Session session = Session.open();
        session.engine()
                .header("SX-Components-Hash", "stale").formParam("note", "oob note").post("/sx/demos/oob").then()
                .statusCode(200)
                .body(containsString("(li :class \"note\" \"oob note\")"))
                .body(containsString(":id \"note-count\" :sx-swap-oob \"true\""));
    }

    /** A first visit: the page's meta token and the cookie set with it. */
    record Session(String cookie, String token) {
        /** A request as sx.js sends it for this visitor: the cookie, the token header and SX-Request. */
        RequestSpecification engine() {
            return given().cookie("roseash-csrf", cookie).header("X-CSRF-Token", token).header("SX-Request", "true");
        }

        static Session open() {
            Response page = given().get("/sx/demos/form");
            Matcher meta = META_TOKEN.matcher(page.asString());
            assertThat(meta.find()).as("page has a csrf-token meta tag").isTrue();
            return new Session(page.getCookie("roseash-csrf"), meta.group(1));
        }
    }
}
