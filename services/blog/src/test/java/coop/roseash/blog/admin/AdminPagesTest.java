package coop.roseash.blog.admin;

import coop.roseash.blog.support.BlogTables;
import coop.roseash.blog.support.BlogTestResource;
import coop.roseash.blog.support.TestVisitors;
import coop.roseash.shared.contracts.blog.PostView;
import coop.roseash.blog.menu.MenuService;
import coop.roseash.shared.services.blog.PageSettingsService;
import coop.roseash.blog.post.PostService;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;

@QuarkusTest
@QuarkusTestResource(BlogTestResource.class)
class AdminPagesTest {

    @Inject
    PostService posts;

    @Inject
    MenuService menu;

    @Inject
    PageSettingsService settings;

    @Inject
    BlogTables tables;

    @BeforeEach
    void clean() {
        tables.clear();
    }

    private static RequestSpecification admin() {
        return given().redirects().follow(false).header(TestVisitors.HEADER, TestVisitors.ADMIN);
    }

    private long createViaForm(String title, String html, String action) {
        String location = admin().contentType("application/x-www-form-urlencoded")
                .formParam("type", "post").formParam("title", title).formParam("slug", "")
                .formParam("tags", "News, Events").formParam("html", html).formParam("action", action)
                .post("/admin/posts").then().statusCode(303).extract().header("Location");
        return Long.parseLong(location.replaceAll(".*/admin/posts/(\\d+).*", "$1"));
    }

    @Test
    void onlyAdminsGetIn() {
        given().redirects().follow(false).get("/admin").then().statusCode(303)
                .header("Location", endsWith("/auth/login"));
        given().header(TestVisitors.HEADER, TestVisitors.MEMBER).get("/admin").then().statusCode(403);
        admin().get("/admin").then().statusCode(200).body(containsString("Posts and pages"));
        given().redirects().follow(false).contentType("application/x-www-form-urlencoded").formParam("title", "x")
                .post("/admin/posts").then().statusCode(303);
        assertThat(posts.all(1, 10).total()).isZero();
    }

    @Test
    void browserFormsWithoutTheCsrfTokenAreRefused() {
        admin().header("Origin", "http://evil.example").contentType("application/x-www-form-urlencoded")
                .formParam("type", "post").formParam("title", "Forged").formParam("html", "x")
                .post("/admin/posts").then().statusCode(403);
        assertThat(posts.all(1, 10).total()).isZero();
    }

    @Test
    void anAdminWritesPublishesEditsAndDeletes() {
        admin().get("/admin/posts/new").then().statusCode(200)
                .body(containsString("name=\"_csrf\""), containsString("name=\"html\""));
        long id = createViaForm("Spring fair", "<p>Come <b>along</b><script>alert(1)</script></p>", "publish");
        given().get("/spring-fair/").then().statusCode(200).body(containsString("Come <b>along</b>"),
                not(containsString("alert(1)")));
        admin().get("/admin/posts/" + id + "?done=published").then().statusCode(200)
                .body(containsString("Published."), containsString("News, Events"));

        PostView p = posts.byId(id).orElseThrow();
        admin().contentType("application/x-www-form-urlencoded").formParam("version", p.version())
                .formParam("type", "post").formParam("title", "Spring fair").formParam("slug", "spring-fair")
                .formParam("tags", "").formParam("html", "<p>Moved indoors</p>").formParam("action", "unpublish")
                .post("/admin/posts/" + id).then().statusCode(303);
        given().get("/spring-fair/").then().statusCode(404);
        assertThat(posts.byId(id).orElseThrow().html()).isEqualTo("<p>Moved indoors</p>");

        admin().post("/admin/posts/" + id + "/delete").then().statusCode(303).header("Location", containsString("/admin"));
        assertThat(posts.byId(id)).isEmpty();
    }

    @Test
    void aStaleSaveShowsTheConflictPageAndKeepsTheText() {
        long id = createViaForm("Minutes", "<p>first</p>", "save");
        int seen = posts.byId(id).orElseThrow().version();
        // another editor saves first
        admin().contentType("application/x-www-form-urlencoded").formParam("version", seen).formParam("type", "post")
                .formParam("title", "Minutes").formParam("html", "<p>their words</p>").formParam("action", "save")
                .post("/admin/posts/" + id).then().statusCode(303);
        String page = admin().contentType("application/x-www-form-urlencoded").formParam("version", seen)
                .formParam("type", "post").formParam("title", "Minutes (mine)").formParam("html", "<p>my words</p>")
                .formParam("action", "save").post("/admin/posts/" + id).then().statusCode(409).extract().asString();
        assertThat(page).contains("Someone else saved this").contains("&lt;p&gt;my words&lt;/p&gt;")
                .contains("Minutes (mine)");
        assertThat(posts.byId(id).orElseThrow().html()).isEqualTo("<p>their words</p>");
    }

    @Test
    void previewSanitizes() {
        admin().contentType("application/x-www-form-urlencoded").formParam("title", "T")
                .formParam("html", "<p onclick=\"x()\">ok</p><script>alert(1)</script>")
                .post("/admin/preview").then().statusCode(200)
                .body(containsString("<p>ok</p>"), not(containsString("alert(1)")), not(containsString("onclick")));
    }

    @Test
    void menuTagsSnippetsSettingsAndCache() {
        long id = createViaForm("About", "<p>us</p>", "publish");
        admin().get("/admin/menu?q=abo").then().statusCode(200).body(containsString("Add to menu"));
        admin().contentType("application/x-www-form-urlencoded").formParam("post_id", id)
                .post("/admin/menu/add-page").then().statusCode(303);
        admin().contentType("application/x-www-form-urlencoded").formParam("label", "Shop")
                .formParam("target", "javascript:alert(1)").post("/admin/menu/add-link").then().statusCode(400)
                .body(containsString("path like /about"));
        assertThat(menu.tree()).extracting(n -> n.label()).containsExactly("About");

        admin().contentType("application/x-www-form-urlencoded").formParam("name", "Topics").formParam("position", "1")
                .post("/admin/tag-groups").then().statusCode(303);
        admin().get("/admin/tags").then().statusCode(200).body(containsString("Topics"), containsString("News"));

        admin().contentType("application/x-www-form-urlencoded").formParam("name", "Hours")
                .formParam("html", "<p>9-5</p><script>x</script>").post("/admin/snippets").then().statusCode(303);
        admin().get("/admin/snippets").then().statusCode(200).body(containsString("Hours"));

        admin().contentType("application/x-www-form-urlencoded").formParam("sumup_merchant_code", "MC9")
                .formParam("sumup_api_key", "sk_live_123").formParam("calendar", "true")
                .post("/admin/posts/" + id + "/settings").then().statusCode(303);
        assertThat(settings.sumupApiKey("post", id)).contains("sk_live_123");
        admin().get("/admin/posts/" + id + "/settings").then().statusCode(200)
                .body(containsString("MC9"), not(containsString("sk_live_123")), containsString("leave empty to keep it"));

        admin().post("/admin/cache/clear").then().statusCode(303).header("Location", endsWith("/admin/cache?done=cleared"));
    }
}
