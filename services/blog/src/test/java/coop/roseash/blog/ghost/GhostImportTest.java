package coop.roseash.blog.ghost;

import coop.roseash.blog.support.BlogTables;
import coop.roseash.blog.support.BlogTestResource;
import coop.roseash.blog.support.GhostStub;
import coop.roseash.blog.support.TestVisitors;
import coop.roseash.shared.contracts.blog.PostSummary;
import coop.roseash.shared.contracts.blog.PostView;
import coop.roseash.shared.services.blog.PostService;
import coop.roseash.shared.services.blog.TagService;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

@QuarkusTest
@QuarkusTestResource(BlogTestResource.class)
@QuarkusTestResource(GhostStub.class)
class GhostImportTest {

    @Inject
    GhostImporter importer;

    @Inject
    PostService posts;

    @Inject
    TagService tags;

    @Inject
    BlogTables tables;

    @BeforeEach
    void clean() {
        tables.clear();
    }

    private ImportProgress importNow() throws Exception {
        importer.start().get(30, TimeUnit.SECONDS);
        return importer.progress();
    }

    @Test
    void importsPostsPagesTagsAndAuthorsAcrossPagesAndIsIdempotent() throws Exception {
        ImportProgress first = importNow();
        assertThat(first.state()).isEqualTo("finished");
        assertThat(first.errors()).isEmpty();
        assertThat(first.total()).isEqualTo(7);
        assertThat(first.done()).isEqualTo(7);
        assertThat(posts.published("post", 1, 10).items()).extracting(PostSummary::slug)
                .containsExactly("ghost-post-3", "harvest-supper", "ghost-post-1");
        assertThat(posts.published("page", 1, 10).items()).extracting(PostSummary::slug).containsExactly("about-the-garden");
        assertThat(tags.all()).extracting(t -> t.slug()).containsExactlyInAnyOrder("gardening", "events");
        PostView seeds = posts.publishedBySlug("ghost-post-1").orElseThrow();
        assertThat(seeds.author().name()).isEqualTo("Rowan Ash");
        assertThat(seeds.excerpt()).isEqualTo("Seeds for everyone");
        assertThat(seeds.tags()).extracting(t -> t.slug()).containsExactly("gardening", "events");

        ImportProgress second = importNow();
        assertThat(second.unchanged()).isEqualTo(7);
        assertThat(second.created()).isZero();
        assertThat(posts.all(1, 50).total()).isEqualTo(4);
        assertThat(GhostStub.requestsFor("posts")).isGreaterThanOrEqualTo(4); // both pages, twice
    }

    @Test
    void importedScriptsNeverReachAPage() throws Exception {
        importNow();
        String html = given().get("/ghost-post-1/").then().statusCode(200).extract().asString();
        assertThat(html).contains("<strong>spare seeds</strong>").contains("swap list")
                .doesNotContain("alert('ghost')").doesNotContain("onerror").doesNotContain("javascript:");
        given().get("/harvest-supper/").then().statusCode(200)
                .body(containsString("&lt;script&gt;alert('title')&lt;/script&gt; Harvest supper"));
    }

    @Test
    void theAdminPageShowsProgress() throws Exception {
        importNow();
        given().header(TestVisitors.HEADER, TestVisitors.ADMIN).get("/admin/import").then().statusCode(200)
                .body(containsString("State: finished"), containsString("7 of 7 items"));
    }

    @Test
    void signedWebhooksKeepContentInStepAndUnsignedOnesChangeNothing() throws Exception {
        importNow();
        GhostWebhookSignature ghost = new GhostWebhookSignature(GhostStub.WEBHOOK_SECRET, Clock.systemUTC());
        String edited = "{\"post\":{\"current\":{\"id\":\"64a1f0c2e4b0a10000030003\",\"title\":\"Compost corner (updated)\","
                + "\"slug\":\"ghost-post-3\",\"status\":\"published\",\"html\":\"<p>New text<script>x()</script></p>\","
                + "\"published_at\":\"2024-03-03T10:00:00.000Z\",\"tags\":[],\"authors\":[]},\"previous\":{\"title\":\"Compost corner\"}}}";

        given().header("X-Ghost-Signature", "sha256=" + "0".repeat(64) + ", t=" + System.currentTimeMillis())
                .contentType("application/json").body(edited).post("/ghost/webhook").then().statusCode(401);
        given().header("X-Ghost-Signature", ghost.header(edited, System.currentTimeMillis() - 3_600_000))
                .contentType("application/json").body(edited).post("/ghost/webhook").then().statusCode(401);
        given().contentType("application/json").body(edited).post("/ghost/webhook").then().statusCode(401);
        assertThat(posts.publishedBySlug("ghost-post-3").orElseThrow().title()).isEqualTo("Compost corner");

        given().header("X-Ghost-Signature", ghost.header(edited, System.currentTimeMillis()))
                .contentType("application/json").body(edited).post("/ghost/webhook").then().statusCode(200);
        PostView updated = posts.publishedBySlug("ghost-post-3").orElseThrow();
        assertThat(updated.title()).isEqualTo("Compost corner (updated)");
        assertThat(updated.html()).isEqualTo("<p>New text</p>");

        String deleted = "{\"post\":{\"current\":{},\"previous\":{\"id\":\"64a1f0c2e4b0a10000030003\",\"title\":\"x\"}}}";
        given().header("X-Ghost-Signature", ghost.header(deleted, System.currentTimeMillis()))
                .contentType("application/json").body(deleted).post("/ghost/webhook").then().statusCode(200);
        assertThat(posts.publishedBySlug("ghost-post-3")).isEmpty();
    }
}
