package coop.roseash.blog.ghost;

import coop.roseash.blog.support.BlogTables;
import coop.roseash.blog.support.BlogTestResource;
import coop.roseash.blog.support.GhostStub;
import coop.roseash.blog.support.TestVisitors;
import coop.roseash.blog.author.AuthorView;
import coop.roseash.shared.contracts.blog.PostSummary;
import coop.roseash.shared.contracts.blog.PostView;
import coop.roseash.blog.author.AuthorService;
import coop.roseash.blog.post.PostService;
import coop.roseash.blog.tag.TagService;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

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
    AuthorService authors;

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
    void theAdminApiImportsDraftsAndMatchesAuthorsToMembersByEmailAndASecondRunChangesNothing() throws Exception {
        long sam = member("sam.birch@example.org");
        int contentCalls = GhostStub.requestsFor("content", "posts");

        ImportProgress first = importNow();
        assertThat(first.state()).isEqualTo("finished");
        assertThat(first.errors()).isEmpty();
        assertThat(first.total()).isEqualTo(9);
        assertThat(first.created()).isEqualTo(9);
        assertThat(posts.published("post", 1, 10).items()).extracting(PostSummary::slug)
                .containsExactly("ghost-post-3", "harvest-supper", "ghost-post-1");
        assertThat(posts.published("page", 1, 10).items()).extracting(PostSummary::slug).containsExactly("about-the-garden");
        assertThat(tags.all()).extracting(t -> t.slug()).containsExactlyInAnyOrder("gardening", "events");

        // the draft stays a draft (not public), its body sanitized like everything else
        PostSummary draft = posts.all(1, 50).items().stream().filter(p -> p.slug().equals("pond-plans")).findFirst().orElseThrow();
        assertThat(draft.status()).isEqualTo("draft");
        assertThat(posts.publishedBySlug("pond-plans")).isEmpty();
        assertThat(posts.byId(draft.id()).orElseThrow().html()).isEqualTo("<p>A small pond by the <em>compost bays</em>.</p>");
        given().get("/pond-plans/").then().statusCode(404);

        // Sam's Ghost email (in another case) is a member's: Sam's posts, the draft too, are that member's
        assertThat(authors.bySlug("sam").orElseThrow().userId()).isEqualTo(sam);
        PostView compost = posts.publishedBySlug("ghost-post-3").orElseThrow();
        assertThat(compost.author().slug()).isEqualTo("sam");
        assertThat(posts.isAuthor(compost.id(), sam)).isTrue();
        assertThat(posts.isAuthor(draft.id(), sam)).isTrue();
        // Rowan's email belongs to no member: an author without a member
        assertThat(authors.bySlug("rowan").orElseThrow().userId()).isNull();
        assertThat(GhostStub.requestsFor("admin", "posts")).isGreaterThanOrEqualTo(2);
        assertThat(GhostStub.requestsFor("content", "posts")).isEqualTo(contentCalls);

        ImportProgress second = importNow();
        assertThat(second.state()).isEqualTo("finished");
        assertThat(second.unchanged()).isEqualTo(9);
        assertThat(second.created()).isZero();
        assertThat(second.updated()).isZero();
        assertThat(posts.all(1, 50).total()).isEqualTo(5);
        assertThat(authors.all()).hasSize(2);
    }

    @Test
    void aMemberWhoAlreadyWritesHereKeepsOneAuthorRowWhenTheirGhostPostsArrive() throws Exception {
        long sam = member("sam.birch@example.org");
        AuthorView own = authors.forMember(sam, "sam.birch@example.org", "Sam");

        importNow();
        assertThat(authors.all()).extracting(AuthorView::id).contains(own.id()).hasSize(2);
        assertThat(posts.isAuthor(posts.publishedBySlug("ghost-post-3").orElseThrow().id(), sam)).isTrue();
    }

    @Test
    void withoutAnAdminKeyTheContentApiImportsPublishedContentOnly() throws Exception {
        member("sam.birch@example.org");
        importer.start(() -> new ContentApiKey(GhostStub.CONTENT_KEY)).get(30, TimeUnit.SECONDS);
        ImportProgress first = importer.progress();
        assertThat(first.state()).isEqualTo("finished");
        assertThat(first.errors()).isEmpty();
        assertThat(first.total()).isEqualTo(7);
        assertThat(posts.all(1, 50).items()).extracting(PostSummary::slug)
                .containsExactlyInAnyOrder("ghost-post-1", "harvest-supper", "ghost-post-3", "about-the-garden");
        PostView seeds = posts.publishedBySlug("ghost-post-1").orElseThrow();
        assertThat(seeds.author().name()).isEqualTo("Rowan Ash");
        assertThat(seeds.excerpt()).isEqualTo("Seeds for everyone");
        assertThat(seeds.tags()).extracting(t -> t.slug()).containsExactly("gardening", "events");
        // no emails in the Content API, so nobody is matched to a member
        assertThat(authors.all()).extracting(AuthorView::userId).containsOnlyNulls();
    }

    @Test
    void aWrongAdminKeyIsAClearErrorOnTheImportPageAndImportsNothing() throws Exception {
        GhostStub.acceptAdminSecret("ab".repeat(32)); // the key was regenerated in Ghost
        try {
            ImportProgress failed = importNow();
            assertThat(failed.state()).isEqualTo("failed");
            assertThat(failed.errors()).singleElement().asString()
                    .contains("Ghost refused the Admin API key (401: Invalid token: invalid signature)")
                    .contains("roseash.blog.ghost.admin-key");
        } finally {
            GhostStub.acceptAdminSecret(null);
        }
        assertThat(posts.all(1, 50).total()).isZero();
        given().header(TestVisitors.HEADER, TestVisitors.ADMIN).get("/admin/import").then().statusCode(200)
                .body(containsString("State: failed"), containsString("Ghost refused the Admin API key"),
                        not(containsString(GhostStub.ADMIN_SECRET)));
    }

    @Test
    void aMalformedAdminKeyFailsTheImportWithAMessageInsteadOfAtStartUp() throws Exception {
        importer.start(() -> AdminApiKey.parse("paste-the-key-here")).get(30, TimeUnit.SECONDS);
        assertThat(importer.progress().state()).isEqualTo("failed");
        assertThat(importer.progress().errors()).singleElement().asString()
                .contains("roseash.blog.ghost.admin-key is not a Ghost Admin API key").doesNotContain("paste-the-key-here");
        given().header(TestVisitors.HEADER, TestVisitors.ADMIN).get("/admin/import").then().statusCode(200)
                .body(containsString("State: failed"), containsString("is not a Ghost Admin API key"));
    }

    @Test
    void theStubLikeGhostRefusesExpiredAndForeignTokens() throws Exception {
        AdminApiKey key = AdminApiKey.parse(GhostStub.ADMIN_KEY);
        AdminApiKey foreign = AdminApiKey.parse(GhostStub.ADMIN_KEY_ID + ":" + "cd".repeat(32));
        assertThat(adminGet(key.token(Instant.now())).statusCode()).isEqualTo(200);
        HttpResponse<String> expired = adminGet(key.token(Instant.now().minusSeconds(600)));
        assertThat(expired.statusCode()).isEqualTo(401);
        assertThat(expired.body()).contains("\"type\":\"UnauthorizedError\"");
        assertThat(adminGet(foreign.token(Instant.now())).statusCode()).isEqualTo(401);
    }

    private static HttpResponse<String> adminGet(String token) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(GhostStub.baseUrl() + "/ghost/api/admin/tags/"))
                .header("Authorization", "Ghost " + token).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A member (federation's users row) with this email; its id. */
    private long member(String email) {
        return ((Number) tables.scalar("INSERT INTO users (email) VALUES ('" + email + "') "
                + "ON CONFLICT (email) DO UPDATE SET email = excluded.email RETURNING id")).longValue();
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
                .body(containsString("State: finished"), containsString("9 of 9 items"),
                        containsString("Through Ghost's Admin API"));
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
