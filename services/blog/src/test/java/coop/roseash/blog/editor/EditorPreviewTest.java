package coop.roseash.blog.editor;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

import coop.roseash.blog.support.BlogTestResource;
import coop.roseash.blog.support.TestVisitors;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The editor's live preview endpoint answers only sanitized HTML, only to admins, and only with the CSRF token. */
@QuarkusTest
@QuarkusTestResource(BlogTestResource.class)
class EditorPreviewTest {

    private static final Pattern META_TOKEN = Pattern.compile("<meta name=\"csrf-token\" content=\"([^\"]+)\">");
    private static final String HOSTILE = "<h2>Hi</h2><img src=x onerror=alert(1)><script>alert(2)</script>"
            + "<a href=\"javascript:alert(3)\">go</a>";

    @Test
    void theEditorPageCarriesTheIslandAroundThePlainTextarea() {
        admin().get("/admin/posts/new").then().statusCode(200)
                .body(containsString("data-sx-island=\"blog/editor\""),
                        containsString("name=\"html\""),
                        containsString("sx-post=\"/admin/preview/live\""),
                        containsString("id=\"preview\""),
                        // the no-JavaScript preview stays
                        containsString("formaction=\"/admin/preview\""),
                        // the toolbar needs JavaScript: the server renders it hidden, hydration shows it
                        matchesPattern("(?s).*<div class=\"editor-toolbar\" hidden[ =>].*"));
    }

    @Test
    void livePreviewAnswersTheSanitizedBodyOnly() {
        Session session = Session.open();
        String body = session.engine().formParam("title", "T").formParam("html", HOSTILE)
                .post("/admin/preview/live").then().statusCode(200)
                .body(containsString("Hi"))
                .extract().asString();
        assertThat(body).contains("h2").doesNotContainIgnoringCase("onerror").doesNotContainIgnoringCase("<script")
                .doesNotContainIgnoringCase("alert(2)").doesNotContainIgnoringCase("javascript:");
    }

    @Test
    void livePreviewNeedsTheCsrfTokenAndAnAdmin() {
        admin().header("Origin", "http://evil.example").header("SX-Request", "true")
                .contentType("application/x-www-form-urlencoded").formParam("html", "<p>x</p>")
                .post("/admin/preview/live").then().statusCode(403);
        Session session = Session.open();
        session.engine().header("Origin", "http://evil.example").header("X-CSRF-Token", "wrong")
                .formParam("html", "<p>x</p>").post("/admin/preview/live").then().statusCode(403);
        given().redirects().follow(false).header(TestVisitors.HEADER, TestVisitors.MEMBER)
                .cookie("roseash-csrf", session.cookie).header("X-CSRF-Token", session.token)
                .header("SX-Request", "true").formParam("html", "<p>secret</p>")
                .post("/admin/preview/live").then().statusCode(403).body(not(containsString("secret")));
    }

    @Test
    void plainFormPreviewIsSanitizedToo() {
        Session session = Session.open();
        admin().cookie("roseash-csrf", session.cookie).formParam("_csrf", session.token)
                .formParam("title", "T").formParam("html", HOSTILE)
                .post("/admin/preview").then().statusCode(200)
                .body(containsString("<h2>Hi</h2>"), not(containsString("onerror")), not(containsString("alert(2)")));
    }

    private static RequestSpecification admin() {
        return given().redirects().follow(false).header(TestVisitors.HEADER, TestVisitors.ADMIN);
    }

    /** An admin's editor page: its csrf cookie and meta token, sent back as sx.js does. */
    private record Session(String cookie, String token) {
        RequestSpecification engine() {
            return admin().cookie("roseash-csrf", cookie).header("X-CSRF-Token", token).header("SX-Request", "true")
                    .contentType("application/x-www-form-urlencoded");
        }

        static Session open() {
            Response page = admin().get("/admin/posts/new");
            Matcher meta = META_TOKEN.matcher(page.asString());
            assertThat(meta.find()).as("editor page has a csrf-token meta tag").isTrue();
            return new Session(page.getCookie("roseash-csrf"), meta.group(1));
        }
    }
}
