package coop.roseash.blog.home;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import coop.roseash.blog.post.PostDraft;
import coop.roseash.shared.contracts.blog.PostView;
import coop.roseash.blog.post.PostService;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The blog home: the welcome and latest posts in the shared layout, the wire form, and the service shell. */
@QuarkusTest
class BlogHomeTest {

    @Inject
    PostService posts;

    @Test
    void homeListsPublishedPostsNewestFirstWithTitlesAsText() {
        String suffix = Long.toString(System.nanoTime(), 36);
        PostView older = posts.create(draft("Older news " + suffix));
        posts.publish(older.id(), older.version());
        PostView newer = posts.create(draft("Spring <fair> & market " + suffix));
        posts.publish(newer.id(), newer.version());
        posts.create(draft("Unpublished draft " + suffix));

        String home = given().get("/").then().statusCode(200).extract().asString();

        String newerLink = "<a href=\"/" + newer.slug() + "/\">Spring &lt;fair&gt; &amp; market " + suffix + "</a>";
        assertThat(home).contains(newerLink).doesNotContain("Unpublished draft " + suffix);
        assertThat(home.indexOf(newerLink)).isLessThan(home.indexOf("Older news " + suffix));
    }

    private static PostDraft draft(String title) {
        return new PostDraft("post", title, null, "<p>Body</p>", null, null, List.of(), null);
    }

    @Test
    void engineRequestGetsTheWireFormWithDefinitionsAhead() {
        String hash = given().header("SX-Request", "true").get("/").then()
                .statusCode(200)
                .contentType(containsString("text/sx"))
                .body(containsString("News from Rose Ash"))
                .body(not(containsString("<section")))
                .extract().header("SX-Components-Hash");
        assertThat(hash).isNotBlank();

        // a client that already holds the definitions gets the content alone
        given().header("SX-Request", "true").header("SX-Components-Hash", hash).get("/").then()
                .statusCode(200)
                .header("SX-Components-Hash", (String) null)
                .body(not(containsString("defcomp")));
    }
}
