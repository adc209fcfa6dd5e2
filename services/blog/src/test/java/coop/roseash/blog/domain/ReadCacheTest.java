package coop.roseash.blog.domain;

import coop.roseash.blog.support.BlogTables;
import coop.roseash.blog.support.BlogTestResource;
import coop.roseash.shared.contracts.blog.Paged;
import coop.roseash.blog.post.PostDraft;
import coop.roseash.shared.contracts.blog.PostSummary;
import coop.roseash.shared.contracts.blog.PostView;
import coop.roseash.blog.search.SearchHit;
import coop.roseash.shared.contracts.blog.TagRef;
import coop.roseash.blog.post.PostService;
import coop.roseash.blog.search.SearchService;
import coop.roseash.blog.tag.TagService;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Listings and search results are cached until something they show changes: every kind of write, by any writer,
 * shows on the very next request.
 */
@QuarkusTest
@QuarkusTestResource(BlogTestResource.class)
class ReadCacheTest {

    @Inject
    PostService posts;

    @Inject
    SearchService search;

    @Inject
    TagService tags;

    @Inject
    BlogTables tables;

    @BeforeEach
    void clean() {
        tables.clear();
    }

    private PostView publish(String title, String... tagNames) {
        PostView p = posts.create(new PostDraft("post", title, null, "<p>Apples from the orchard.</p>", null, null,
                List.of(tagNames), null));
        return posts.publish(p.id(), p.version());
    }

    private List<String> homeTitles() {
        return posts.published("post", 1, 10).items().stream().map(PostSummary::title).toList();
    }

    @Test
    void anUnchangedListingIsServedFromTheCache() {
        publish("Orchard day");
        Paged<PostSummary> first = posts.published("post", 1, 10);
        assertThat(posts.published("post", 1, 10)).isSameAs(first);
        Paged<SearchHit> hits = search.search("orchard", 1, 10);
        assertThat(search.search("orchard", 1, 10)).isSameAs(hits);
        // other pages, sizes and queries are other entries
        assertThat(posts.published("post", 1, 5)).isNotSameAs(first);
        assertThat(posts.published("page", 1, 10).items()).isEmpty();
    }

    @Test
    void publishingEditingUnpublishingAndDeletingShowAtOnce() {
        PostView first = publish("Orchard day");
        assertThat(homeTitles()).containsExactly("Orchard day");
        assertThat(search.search("orchard", 1, 10).total()).isEqualTo(1);

        PostView second = publish("Cider pressing");
        assertThat(homeTitles()).containsExactly("Cider pressing", "Orchard day");
        assertThat(search.search("orchard", 1, 10).total()).isEqualTo(2);

        PostView edited = posts.update(first.id(), first.version(), new PostDraft("post", "Orchard open day", null,
                "<p>Pears this time.</p>", null, null, null, null));
        assertThat(homeTitles()).containsExactly("Cider pressing", "Orchard open day");
        assertThat(search.search("apples", 1, 10).items()).extracting(SearchHit::title).containsExactly("Cider pressing");

        posts.unpublish(second.id(), second.version());
        assertThat(homeTitles()).containsExactly("Orchard open day");

        posts.delete(edited.id());
        assertThat(homeTitles()).isEmpty();
        assertThat(search.search("orchard", 1, 10).items()).isEmpty();
    }

    @Test
    void renamingATagShowsInListingsThatCarryIt() {
        publish("Orchard day", "Fruit");
        assertThat(posts.publishedWithTag("fruit", 1, 10).items().get(0).tags()).extracting(TagRef::name).containsExactly("Fruit");

        long tagId = tags.bySlug("fruit").orElseThrow().id();
        tags.update(tagId, "Fruit and nuts", null, null);
        assertThat(posts.published("post", 1, 10).items().get(0).tags()).extracting(TagRef::name)
                .containsExactly("Fruit and nuts");
    }

    @Test
    void writesFromOutsideThisServiceShowToo() {
        publish("Orchard day");
        assertThat(homeTitles()).containsExactly("Orchard day");
        long before = (Long) tables.scalar("SELECT generation FROM blog_read_generation");

        // another instance, an import or plain SQL: only the database knows
        tables.execute("UPDATE posts SET title = 'Renamed elsewhere'");
        assertThat(homeTitles()).containsExactly("Renamed elsewhere");
        assertThat(given().get("/").then().statusCode(200).extract().asString()).contains("Renamed elsewhere");

        // one bump per writing transaction, none for reads
        assertThat((Long) tables.scalar("SELECT generation FROM blog_read_generation")).isEqualTo(before + 1);
    }

    @Test
    void aSummaryShowsTheStartOfALongBodyCutAtAWord() {
        String body = "orchard ".repeat(60).strip();   // 479 characters, no editor's excerpt
        PostView p = posts.create(new PostDraft("post", "Long", null, "<p>" + body + "</p>", null, null, List.of(), null));
        posts.publish(p.id(), p.version());

        String excerpt = posts.published("post", 1, 10).items().get(0).excerpt();
        assertThat(excerpt).endsWith("…").hasSizeLessThanOrEqualTo(241);
        assertThat(body).startsWith(excerpt.substring(0, excerpt.length() - 1));
        assertThat(excerpt.substring(0, excerpt.length() - 1)).endsWith("orchard");
    }
}
