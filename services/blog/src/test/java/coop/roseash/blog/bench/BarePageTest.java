package coop.roseash.blog.bench;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import coop.roseash.blog.post.PostDraft;
import coop.roseash.blog.post.PostService;
import coop.roseash.shared.contracts.blog.PostView;
import coop.roseash.shared.fragments.SiteHeaderFragments;
import coop.roseash.shared.web.SiteHeader;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The benchmark's bare page: the home's posts without a fragment, and a 404 unless the benchmark turns it on. */
@QuarkusTest
class BarePageTest {

    private static final String MARKER = "<i>header from the fragments</i>";

    @Inject
    PostService posts;

    private final AtomicInteger headerLoads = new AtomicInteger();

    @BeforeEach
    void countHeaderLoads() {
        QuarkusMock.installMockForType(new SiteHeaderFragments(null) {
            @Override
            public CompletionStage<SiteHeader> load(Long userId, String deviceId) {
                headerLoads.incrementAndGet();
                return CompletableFuture.completedFuture(new SiteHeader(MARKER, "", ""));
            }
        }, SiteHeaderFragments.class);
    }

    @Test
    void isNotFoundUnlessTurnedOn() {
        QuarkusMock.installMockForType(new BarePageSwitch(false), BarePageSwitch.class);

        given().get(BarePageResource.PATH).then().statusCode(404).body(containsString("Page not found"));
    }

    @Test
    void showsTheHomesPostsWithoutAskingForTheHeader() {
        QuarkusMock.installMockForType(new BarePageSwitch(true), BarePageSwitch.class);
        PostView post = posts.create(new PostDraft("post", "Bare bench " + System.nanoTime(), null, "<p>Body</p>", null,
                null, List.of(), null));
        posts.publish(post.id(), post.version());

        String bare = given().get(BarePageResource.PATH).then().statusCode(200).extract().asString();
        assertThat(bare).contains(post.title()).doesNotContain(MARKER);
        assertThat(headerLoads).hasValue(0);

        // the home, for comparison, does ask
        assertThat(given().get("/").then().statusCode(200).extract().asString()).contains(post.title()).contains(MARKER);
        assertThat(headerLoads).hasValue(1);
    }
}
