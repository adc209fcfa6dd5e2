package coop.roseash.blog.democontent;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import coop.roseash.blog.menu.MenuNodeView;
import coop.roseash.blog.menu.MenuService;
import coop.roseash.blog.post.PostService;
import coop.roseash.blog.support.BlogTables;
import coop.roseash.blog.support.BlogTestResource;
import coop.roseash.shared.contracts.blog.PostSummary;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The demo site of a local run: written through the blog's services, complete, linked, and written once. */
@QuarkusTest
@QuarkusTestResource(BlogTestResource.class)
class DemoContentTest {

    @Inject
    DemoContent demo;

    @Inject
    PostService posts;

    @Inject
    MenuService menu;

    @Inject
    BlogTables tables;

    @BeforeEach
    void clean() {
        tables.clear();
    }

    @Test
    void writesPostsWithImagesAndTagsPagesAndAMenuWithASubMenuWhoseLinksAllWork() {
        assertThat(demo.seed()).isEqualTo(8 + 6);

        List<PostSummary> news = posts.published("post", 1, 20).items();
        assertThat(news).hasSize(5);
        assertThat(news).filteredOn(p -> p.featureImage() != null).hasSizeGreaterThanOrEqualTo(4);
        assertThat(news).flatExtracting(PostSummary::tags).extracting("name").contains("Orchard", "Bakery", "Events");
        assertThat(posts.published("page", 1, 20).items()).extracting(PostSummary::slug)
                .containsExactlyInAnyOrder("about", "members", "how-we-work");

        List<MenuNodeView> tree = menu.tree();
        assertThat(tree).extracting(MenuNodeView::label).containsExactly("Home", "About the co-op", "Market", "Events");
        assertThat(tree.get(1).children()).extracting(MenuNodeView::label).containsExactly("Our members", "How we work");
        // every blog link of the menu leads to a page (the earlier demo menu pointed at three 404s)
        tree.stream().flatMap(node -> java.util.stream.Stream.concat(java.util.stream.Stream.of(node), node.children().stream()))
                .map(MenuNodeView::target).filter(target -> target.startsWith("/"))
                .forEach(target -> given().get(target).then().statusCode(200));
        for (PostSummary post : news) {
            given().get("/" + post.slug() + "/").then().statusCode(200);
            if (post.featureImage() != null) {
                String path = post.featureImage().replaceFirst("^https?://[^/]+", "");
                given().get(path).then().statusCode(200).contentType("image/svg+xml");
            }
        }
    }

    @Test
    void seedingAgainOrFromTwoReplicasAtOnceWritesNothingTwice() throws Exception {
        CyclicBarrier together = new CyclicBarrier(2);
        List<CompletableFuture<Integer>> replicas = List.of(1, 2).stream().map(i -> CompletableFuture.supplyAsync(() -> {
            try {
                together.await(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return demo.seed();
        })).toList();
        int written = 0;
        for (CompletableFuture<Integer> replica : replicas) {
            written += replica.get(60, TimeUnit.SECONDS);
        }
        assertThat(written).isEqualTo(8 + 6);
        assertThat(demo.seed()).isZero();
        assertThat(posts.published("post", 1, 20).items()).hasSize(5);
        assertThat(menu.tree()).hasSize(4);
    }
}
