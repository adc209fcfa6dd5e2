package coop.roseash.blog.domain;

import coop.roseash.blog.support.BlogTables;
import coop.roseash.blog.support.BlogTestResource;
import coop.roseash.blog.post.PostDraft;
import coop.roseash.shared.contracts.blog.PostSummary;
import coop.roseash.shared.contracts.blog.PostView;
import coop.roseash.shared.contracts.blog.TagRef;
import coop.roseash.blog.errors.InvalidBlogInputException;
import coop.roseash.blog.post.PostService;
import coop.roseash.blog.post.StaleEditException;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@QuarkusTest
@QuarkusTestResource(BlogTestResource.class)
class PostServiceTest {

    @Inject
    PostService posts;

    @Inject
    BlogTables tables;

    @BeforeEach
    void clean() {
        tables.clear();
    }

    static PostDraft draft(String title, String html, String... tags) {
        return new PostDraft("post", title, null, html, null, null, List.of(tags), null);
    }

    @Test
    void draftsAreHiddenUntilPublishedAndListingsAreNewestFirst() {
        PostView first = posts.create(draft("First news", "<p>one</p>"));
        PostView second = posts.create(draft("Second news", "<p>two</p>"));
        assertThat(posts.publishedBySlug("first-news")).isEmpty();
        assertThat(posts.published("post", 1, 10).total()).isZero();

        posts.publish(first.id(), first.version());
        posts.publish(second.id(), second.version());

        assertThat(posts.publishedBySlug("first-news")).get().extracting(PostView::title).isEqualTo("First news");
        assertThat(posts.published("post", 1, 10).items()).extracting(PostSummary::slug)
                .containsExactly("second-news", "first-news");
        assertThat(posts.published("post", 2, 1).items()).extracting(PostSummary::slug).containsExactly("first-news");
    }

    @Test
    void slugsAreUniqueAndNeverReservedWords() {
        assertThat(posts.create(draft("Hello, World!", "")).slug()).isEqualTo("hello-world");
        assertThat(posts.create(draft("Hello world", "")).slug()).isEqualTo("hello-world-2");
        assertThat(posts.create(draft("Café Crème", "")).slug()).isEqualTo("cafe-creme");
        assertThat(posts.create(draft("Admin", "")).slug()).isEqualTo("admin-2");
        assertThatThrownBy(() -> posts.create(new PostDraft("post", "x", "hello-world", "", null, null, List.of(), null)))
                .isInstanceOf(InvalidBlogInputException.class).hasMessageContaining("already used");
    }

    @Test
    void aStaleSaveIsRejectedAndChangesNothing() {
        PostView created = posts.create(draft("Shared", "<p>original</p>"));
        PostView saved = posts.update(created.id(), created.version(), draft("Shared", "<p>first editor</p>"));
        assertThat(saved.version()).isGreaterThan(created.version());

        assertThatThrownBy(() -> posts.update(created.id(), created.version(), draft("Shared", "<p>second editor</p>")))
                .isInstanceOfSatisfying(StaleEditException.class,
                        e -> assertThat(e.currentVersion()).isEqualTo(saved.version()));
        assertThat(posts.byId(created.id()).orElseThrow().html()).isEqualTo("<p>first editor</p>");
        assertThatThrownBy(() -> posts.publish(created.id(), created.version())).isInstanceOf(StaleEditException.class);
    }

    @Test
    void aRenamedPostKeepsItsOldSlugAsARedirect() {
        PostView p = posts.create(draft("Old name", ""));
        p = posts.publish(p.id(), p.version());
        p = posts.update(p.id(), p.version(), new PostDraft("post", "New name", "new-name", "", null, null, null, null));
        assertThat(p.slug()).isEqualTo("new-name");
        assertThat(posts.renamedTo("old-name")).contains("new-name");
        // the redirect stays: another post cannot silently take the old address
        assertThat(posts.create(draft("Old name", "")).slug()).isEqualTo("old-name-2");
        // editing the title alone never moves the slug
        p = posts.update(p.id(), p.version(), draft("Newer name", ""));
        assertThat(p.slug()).isEqualTo("new-name");
    }

    @Test
    void bodiesAreSanitizedAndTitlesKeptAsText() {
        PostView p = posts.create(draft("<script>alert(1)</script>", "<p onclick=\"x()\">hi<script>alert(2)</script></p>"
                + "<a href=\"javascript:alert(3)\">link</a>"));
        PostView stored = posts.byId(p.id()).orElseThrow();
        assertThat(stored.html()).isEqualTo("<p>hi</p><a rel=\"nofollow noopener\">link</a>");
        assertThat(stored.title()).isEqualTo("<script>alert(1)</script>");
        assertThat(stored.slug()).isEqualTo("script-alert-1-script");
    }

    @Test
    void tagsAreCreatedOnceAndListTheirPosts() {
        PostView a = posts.create(draft("Apples", "", "Fruit", "Autumn"));
        PostView b = posts.create(draft("Pears", "", "fruit"));
        posts.publish(a.id(), a.version());
        posts.publish(b.id(), b.version());
        assertThat(posts.byId(a.id()).orElseThrow().tags()).containsExactly(new TagRef("fruit", "Fruit"),
                new TagRef("autumn", "Autumn"));
        assertThat(posts.publishedWithTag("fruit", 1, 10).items()).extracting(PostSummary::slug)
                .containsExactly("pears", "apples");
        assertThat(posts.publishedWithTag("autumn", 1, 10).total()).isEqualTo(1);
    }

    @Test
    void publishingEditingAndDeletingWriteActivities() {
        PostView p = posts.create(draft("Big news", "<p>body</p>"));
        posts.update(p.id(), p.version(), draft("Big news", "<p>draft edit</p>"));
        assertThat(tables.activities()).isEmpty(); // drafts are not announced

        p = posts.byId(p.id()).orElseThrow();
        p = posts.publish(p.id(), p.version());
        p = posts.update(p.id(), p.version(), draft("Big news", "<p>corrected</p>"));
        posts.delete(p.id());

        List<Object[]> activities = tables.activities();
        assertThat(activities).extracting(r -> r[0]).containsExactly("Create", "Update", "Delete");
        assertThat((String) activities.get(0)[1]).contains("\"Article\"").contains("/big-news/");
        assertThat((String) activities.get(1)[1]).contains("corrected");
        assertThat((String) activities.get(2)[1]).contains("Tombstone");
        assertThat(activities.get(0)[2]).isEqualTo("public");
        assertThat(posts.byId(p.id())).isEmpty();
    }

    @Test
    void badInputIsRefusedWithAMessage() {
        assertThatThrownBy(() -> posts.create(draft(" ", ""))).isInstanceOf(InvalidBlogInputException.class)
                .hasMessage("A title is required.");
        assertThatThrownBy(() -> posts.create(new PostDraft("post", "x", null, "", null, "javascript:alert(1)", null, null)))
                .isInstanceOf(InvalidBlogInputException.class).hasMessageContaining("http(s)");
        assertThatThrownBy(() -> posts.create(new PostDraft("poem", "x", null, "", null, null, null, null)))
                .isInstanceOf(InvalidBlogInputException.class).hasMessageContaining("Unknown type");
    }
}
