package coop.roseash.blog.domain;

import coop.roseash.blog.support.BlogTables;
import coop.roseash.blog.support.BlogTestResource;
import coop.roseash.shared.contracts.blog.Paged;
import coop.roseash.blog.post.PostDraft;
import coop.roseash.shared.contracts.blog.PostView;
import coop.roseash.blog.search.SearchHit;
import coop.roseash.blog.post.PostService;
import coop.roseash.blog.search.SearchService;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
@QuarkusTestResource(BlogTestResource.class)
class SearchServiceTest {

    @Inject
    PostService posts;

    @Inject
    SearchService search;

    @Inject
    BlogTables tables;

    @BeforeEach
    void clean() {
        tables.clear();
    }

    private void publish(String title, String html) {
        PostView p = posts.create(new PostDraft("post", title, null, html, null, null, List.of(), null));
        posts.publish(p.id(), p.version());
    }

    @Test
    void titleMatchesRankAboveBodyMatchesAndDraftsAreNeverFound() {
        publish("Opening hours", "<p>We mention the bakery only once.</p>");
        publish("Bakery news", "<p>The bakery opens on Saturday; bread from the bakery.</p>");
        posts.create(new PostDraft("post", "Bakery secret draft", null, "<p>bakery</p>", null, null, List.of(), null));

        Paged<SearchHit> hits = search.search("bakery", 1, 10);
        assertThat(hits.total()).isEqualTo(2);
        assertThat(hits.items()).extracting(SearchHit::slug).containsExactly("bakery-news", "opening-hours");
        assertThat(hits.items().get(0).snippetHtml()).contains("<mark>bakery</mark>");
    }

    @Test
    void stemsWordsAndAcceptsAnyInput() {
        publish("Volunteers wanted", "<p>We are volunteering at the market.</p>");
        assertThat(search.search("volunteer", 1, 10).total()).isEqualTo(1);
        assertThat(search.search("\"unbalanced & | ! (", 1, 10).items()).isEmpty();
        assertThat(search.search("   ", 1, 10).items()).isEmpty();
    }

    @Test
    void snippetsEscapeEverythingButTheHighlight() {
        publish("Markup", "<p>Type &lt;script&gt;alert(1)&lt;/script&gt; into the cooperative box.</p>");
        publish("Sums", "<p>At the cooperative shop 3 &lt; 5 &amp; 7 &gt; 2 \"always\".</p>");
        for (SearchHit hit : search.search("cooperative", 1, 10).items()) {
            assertThat(hit.snippetHtml()).contains("<mark>cooperative</mark>").doesNotContain("<script");
            assertThat(hit.snippetHtml().replace("<mark>", "").replace("</mark>", "")).doesNotContain("<", ">", "\"");
        }
        assertThat(search.search("shop", 1, 10).items().get(0).snippetHtml())
                .contains("3 &lt; 5 &amp; 7 &gt; 2 &quot;always");
    }
}
