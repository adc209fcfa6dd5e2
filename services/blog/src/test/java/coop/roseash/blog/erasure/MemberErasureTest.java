package coop.roseash.blog.erasure;

import coop.roseash.blog.author.AuthorService;
import coop.roseash.blog.author.AuthorView;
import coop.roseash.blog.post.PostDraft;
import coop.roseash.blog.post.PostService;
import coop.roseash.blog.support.BlogTestResource;
import coop.roseash.shared.contracts.account.MemberDeleted;
import coop.roseash.shared.contracts.blog.PostView;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deleting an account: what the member wrote stays published, by a "Former member" who names nobody; signing up again
 * with the old address does not get the old author row back.
 */
@QuarkusTest
@QuarkusTestResource(BlogTestResource.class)
class MemberErasureTest {

    @Inject
    MemberErasure handler;
    @Inject
    AuthorService authors;
    @Inject
    PostService posts;

    @Test
    void whatTheMemberWroteStaysByAFormerMember() {
        long member = ThreadLocalRandom.current().nextLong(1_000_000, 900_000_000);
        String email = "ada" + member + "@example.org";
        AuthorView ada = authors.forMember(member, email, "Ada Lovelace " + member);
        PostView written = posts.create(new PostDraft("post", "Notes on the engine " + member, null, "<p>Bernoulli</p>",
                null, null, List.of(), ada.id()));
        posts.publish(written.id(), written.version());

        handler.deliverNow(member);
        handler.deliverNow(member); // the bus may deliver twice

        PostView after = posts.publishedBySlug(written.slug()).orElseThrow();
        assertThat(after.html()).contains("Bernoulli");
        assertThat(after.author().name()).isEqualTo(MemberDeleted.FORMER_MEMBER);
        assertThat(after.author().slug()).isEqualTo("former-member-" + ada.id()).doesNotContain("ada");
        assertThat(authors.bySlug(ada.slug())).as("the old author page names nobody").isEmpty();
        String page = given().get("/" + written.slug()).then().extract().asString();
        assertThat(page).doesNotContain("Ada Lovelace " + member);

        AuthorView again = authors.forMember(member + 7, email, "Someone new");
        assertThat(again.id()).as("the old address does not bring the old author row back").isNotEqualTo(ada.id());
    }
}
