package coop.roseash.market.likes;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import coop.roseash.market.page.MarketPageView;
import coop.roseash.market.product.ProductRef;
import coop.roseash.market.support.Csrf;
import coop.roseash.market.support.MarketTestResource;
import coop.roseash.market.support.Shop;
import coop.roseash.market.support.TestProduct;
import coop.roseash.market.support.TestVisitors;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.concurrent.ThreadLocalRandom;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Members like products, once each; the count shows on the product page; visitors are asked to sign in. */
@QuarkusTest
@WithTestResource(MarketTestResource.class)
class LikesTest {

    @Inject
    Shop shop;
    @Inject
    Likes likes;

    private MarketPageView market;
    private ProductRef honey;
    private String productPath;

    @BeforeEach
    void aProduct() {
        market = shop.openMarket();
        honey = shop.product(market, TestProduct.named("Honey").price("6.50"));
        productPath = market.href() + "p/" + honey.slug();
    }

    private static String aMember() {
        return TestVisitors.member(ThreadLocalRandom.current().nextLong(100_000, 1_000_000_000));
    }

    private Response like(String visitor, String value, boolean engine) {
        Csrf csrf = Csrf.of(productPath, visitor);
        var request = csrf.post(visitor).formParam("like", value);
        if (engine) {
            request = request.header("SX-Request", "true");
        }
        return request.post(productPath + "/like");
    }

    private Document page(String visitor) {
        var request = given();
        if (visitor != null) {
            request = request.header(TestVisitors.HEADER, visitor);
        }
        return Jsoup.parse(request.get(productPath).body().asString());
    }

    @Test
    void aMemberLikesAndUnlikesAndEachMemberCountsOnce() {
        String ann = aMember();
        String bob = aMember();
        assertThat(page(ann).select(".likes-count").text()).isEqualTo("0 likes");
        assertThat(page(ann).select(".likes button").text()).isEqualTo("Like");

        Response liked = like(ann, "true", false);
        assertThat(liked.statusCode()).isEqualTo(303);
        assertThat(liked.header("Location")).endsWith(productPath);
        Document afterLike = page(ann);
        assertThat(afterLike.select(".likes-count").text()).isEqualTo("1 like");
        assertThat(afterLike.select(".likes button").text()).isEqualTo("Liked");
        assertThat(afterLike.select(".likes button").attr("aria-pressed")).isEqualTo("true");
        assertThat(afterLike.select(".likes input[name=like]").attr("value")).isEqualTo("false");

        // liking again (a double click, a replayed form) still counts once
        like(ann, "true", false);
        assertThat(likes.state(honey.id(), null).count()).isEqualTo(1);
        like(bob, "true", false);
        assertThat(page(null).select(".likes-count").text()).isEqualTo("2 likes");

        like(ann, "false", false);
        assertThat(likes.state(honey.id(), null).count()).isEqualTo(1);
        assertThat(page(ann).select(".likes button").text()).isEqualTo("Like");
        like(ann, "false", false);
        assertThat(likes.state(honey.id(), null).count()).isEqualTo(1);
    }

    @Test
    void anEngineRequestGetsTheNewLikesBlockBack() {
        String ann = aMember();
        Response response = like(ann, "true", true);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("text/sx");
        assertThat(response.body().asString()).contains("\"likes\"").contains("1 like").contains("\"false\"");
    }

    @Test
    void visitorsAreAskedToSignInAndTheirLikeChangesNothing() {
        Document page = page(null);
        assertThat(page.select(".likes a").text()).isEqualTo("Sign in to like this");
        assertThat(page.select(".likes a").attr("href")).isEqualTo("/auth/login?return_to=" + productPath.replace("/", "%2F"));
        assertThat(page.select(".likes form")).isEmpty();

        Response refused = like(null, "true", false);
        assertThat(refused.statusCode()).isEqualTo(303);
        assertThat(refused.header("Location")).contains("/auth/login?return_to=" + productPath.replace("/", "%2F"));
        Response engine = like(null, "true", true);
        assertThat(engine.header("SX-Redirect")).startsWith("/auth/login?return_to=");
        assertThat(likes.state(honey.id(), null).count()).isZero();
    }

    @Test
    void aLikeWithoutItsTokenIsRefused() {
        Response response = given().header(TestVisitors.HEADER, aMember()).header("Origin", "http://evil.example")
                .header("Sec-Fetch-Site", "cross-site").formParam("like", "true").post(productPath + "/like");
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(likes.state(honey.id(), null).count()).isZero();
    }

    @Test
    void aLikeOfAnUnknownProductOrWithoutAStateIsRefused() {
        String ann = aMember();
        Csrf csrf = Csrf.of(productPath, ann);
        assertThat(csrf.post(ann).formParam("like", "true").post(market.href() + "p/nothing-here/like").statusCode())
                .isEqualTo(404);
        assertThat(csrf.post(ann).formParam("like", "maybe").post(productPath + "/like").statusCode()).isEqualTo(400);
        assertThat(likes.state(honey.id(), null).count()).isZero();
    }
}
