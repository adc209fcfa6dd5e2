package coop.roseash.blog.publicpages;

import coop.roseash.blog.support.BlogTables;
import coop.roseash.blog.support.BlogTestResource;
import coop.roseash.blog.support.Seed;
import coop.roseash.blog.author.AuthorView;
import coop.roseash.blog.post.PostDraft;
import coop.roseash.shared.contracts.blog.PostView;
import coop.roseash.blog.post.PostService;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

@QuarkusTest
@QuarkusTestResource(BlogTestResource.class)
class PublicPagesTest {

    @Inject
    Seed seed;

    @Inject
    PostService posts;

    @Inject
    BlogTables tables;

    @Inject
    coop.roseash.blog.fragments.LinkCardFragment linkCard;

    @BeforeEach
    void clean() {
        tables.clear();
    }

    @Test
    void homeListsPublishedPostsNewestFirstAndPages() {
        for (int i = 1; i <= 12; i++) {
            seed.published("post", "Story number " + i, "<p>body " + i + "</p>", null);
        }
        seed.draft("Unfinished draft", "");
        String first = given().get("/").then().statusCode(200).extract().asString();
        assertThat(first).contains("Story number 12").doesNotContain("Unfinished draft")
                .doesNotContain(">Story number 2<");
        assertThat(first.indexOf("Story number 12")).isLessThan(first.indexOf("Story number 11"));
        assertThat(first).contains("href=\"/?page=2\"");
        given().get("/?page=2").then().statusCode(200)
                .body(containsString("Story number 2<"), containsString("Story number 1<"), not(containsString("Story number 12")));
        given().get("/?page=abc").then().statusCode(200).body(containsString("Story number 12"));
    }

    @Test
    void aPageNumberTooLargeForAnyListingIsABadRequest() {
        seed.published("post", "Only story", "<p>body</p>", null);
        for (String path : new String[]{"/?page=2147483647", "/?page=99999999999999999999", "/search?q=story&page=2147483647"}) {
            given().header("Accept", "text/html").get(path).then().statusCode(400)
                    .contentType(containsString("text/html")).body(containsString("Bad request"));
        }
        given().get("/?page=1000").then().statusCode(200);
    }

    @Test
    void aPostShowsItsSanitizedBodyAndItsTitleAsText() {
        seed.published("post", "<img src=x onerror=alert(1)>", "<p>Hello <b>members</b><script>alert(2)</script></p>", null);
        String html = given().get("/img-src-x-onerror-alert-1/").then().statusCode(200).extract().asString();
        assertThat(html).contains("<p>Hello <b>members</b></p>").doesNotContain("alert(2)")
                .contains("&lt;img src=x onerror=alert(1)&gt;").doesNotContain("<img src=x");
        given().get("/img-src-x-onerror-alert-1").then().statusCode(200);
    }

    @Test
    void postsCarryCanonicalAndOpenGraphMeta() {
        posts.create(new PostDraft("post", "Open \"day\" <3", null, "<p>x</p>", "Doors open at ten", "https://img.example/d.jpg", null, null));
        PostView p = posts.byId(posts.all(1, 1).items().get(0).id()).orElseThrow();
        posts.publish(p.id(), p.version());
        String html = given().get("/open-day-3/").then().statusCode(200).extract().asString();
        assertThat(html).contains("<link rel=\"canonical\" href=\"http://blog.localhost:8001/open-day-3/\">")
                .contains("<meta property=\"og:title\" content=\"Open &quot;day&quot; &lt;3\">")
                .contains("<meta property=\"og:description\" content=\"Doors open at ten\">")
                .contains("<meta property=\"og:image\" content=\"https://img.example/d.jpg\">")
                .contains("<meta property=\"og:type\" content=\"article\">");
        given().get("/?page=2").then().body(containsString("<link rel=\"canonical\" href=\"http://blog.localhost:8001/?page=2\">"));
    }

    @Test
    void linkCardFragmentShowsPublishedItemsOnly() {
        PostView p = seed.published("page", "Shop <hours>", "<p>x</p>", null);
        String card = linkCard.render(coop.roseash.shared.fragments.FragmentParams.of("slug", p.slug()));
        assertThat(card).contains("href=\"http://blog.localhost:8001/shop-hours/\"").contains("Shop &lt;hours&gt;");
        assertThat(linkCard.render(coop.roseash.shared.fragments.FragmentParams.of("container_id", p.id()))).contains("Shop");
        assertThat(linkCard.render(coop.roseash.shared.fragments.FragmentParams.of("slug", seed.draft("Hidden", "").slug()))).isEmpty();
        assertThat(linkCard.render(coop.roseash.shared.fragments.FragmentParams.of("container_id", "junk"))).isEmpty();
    }

    @Test
    void oldSlugsRedirectAndUnknownOnesAre404() {
        PostView p = seed.published("page", "About", "<p>us</p>", null);
        posts.update(p.id(), p.version(), new PostDraft("page", "About us", "about-us", "<p>us</p>", null, null, null, null));
        given().redirects().follow(false).get("/about/").then().statusCode(301)
                .header("Location", org.hamcrest.Matchers.endsWith("/about-us/"));
        given().get("/about-us/").then().statusCode(200).body(containsString("About us"));
        given().get("/no-such-thing/").then().statusCode(404);
        PostView draft = seed.draft("Secret plan", "");
        given().get("/" + draft.slug() + "/").then().statusCode(404);
    }

    @Test
    void tagAndAuthorListings() {
        AuthorView ann = seed.author(501, "ann@rose-ash.coop", "Ann Example");
        seed.published("post", "Apples are in", "<p>x</p>", ann.id(), "Fruit");
        seed.published("post", "Bread rises", "<p>y</p>", null, "Bakery");
        given().get("/tag/fruit/").then().statusCode(200)
                .body(containsString("Apples are in"), not(containsString("Bread rises")), containsString("Fruit"));
        given().get("/author/" + ann.slug() + "/").then().statusCode(200)
                .body(containsString("Posts by Ann Example"), containsString("Apples are in"), not(containsString("Bread rises")));
        given().get("/tag/nothing/").then().statusCode(404);
        given().get("/author/nobody/").then().statusCode(404);
    }

    @Test
    void searchShowsRankedHitsWithEscapedQuery() {
        seed.published("post", "Compost workshop", "<p>Learn to compost at the allotment.</p>", null);
        given().queryParam("q", "compost").get("/search").then().statusCode(200)
                .body(containsString("Compost workshop"), containsString("<mark>compost</mark>"));
        given().queryParam("q", "<script>alert(1)</script>").get("/search").then().statusCode(200)
                .body(not(containsString("<script>alert(1)")), containsString("&lt;script&gt;alert(1)&lt;/script&gt;"));
        given().get("/search").then().statusCode(200).body(containsString("name=\"q\""));
    }

    @Test
    void feedsAndSitemapListPublishedPostsAsWellFormedXml() {
        seed.published("post", "Harvest & <feast>", "<p>Come along</p>", null);
        seed.draft("Not yet", "");
        String rss = given().get("/feed/rss.xml").then().statusCode(200)
                .contentType(containsString("application/rss+xml")).extract().asString();
        assertThat(rss).contains("<rss version=\"2.0\"").contains("<title>Harvest &amp; &lt;feast&gt;</title>")
                .contains("/harvest-feast/</link>").contains("&lt;p&gt;Come along&lt;/p&gt;").doesNotContain("Not yet");
        String atom = given().get("/feed/atom.xml").then().statusCode(200)
                .contentType(containsString("application/atom+xml")).extract().asString();
        assertThat(atom).contains("<feed xmlns=\"http://www.w3.org/2005/Atom\"").contains("/harvest-feast/")
                .contains("<content type=\"html\">&lt;p&gt;Come along&lt;/p&gt;</content>");
        given().get("/sitemap.xml").then().statusCode(200).contentType(containsString("xml"))
                .body(containsString("/harvest-feast/</loc>"), not(containsString("not-yet")));
        for (String xml : new String[] {rss, atom}) {
            assertThat(XmlParse.wellFormed(xml)).isTrue();
        }
    }

    /** A feed reader given any blog page finds the site's feeds; a tag's page also names the tag's own feeds. */
    @Test
    void everyPageNamesTheFeedsAndATagPageItsOwn() {
        seed.published("post", "Apples are in", "<p>x</p>", null, "Fruit");
        seed.published("post", "Bread rises", "<p>y</p>", null, "Bakery");
        String rssLink = "<link rel=\"alternate\" type=\"application/rss+xml\" title=\"Rose Ash (RSS)\" href=\"";
        String atomLink = "<link rel=\"alternate\" type=\"application/atom+xml\" title=\"Rose Ash (Atom)\" href=\"";
        for (String path : new String[] {"/", "/apples-are-in/", "/search?q=apples", "/tag/fruit/", "/no-such-page/"}) {
            String page = given().get(path).then().extract().asString();
            assertThat(page).as(path).contains(rssLink).contains(atomLink).contains("/feed/rss.xml\"").contains("/feed/atom.xml\"");
        }
        String tagPage = given().get("/tag/fruit/").then().statusCode(200).extract().asString();
        assertThat(tagPage).contains("title=\"Rose Ash: Fruit (RSS)\"").contains("/feed/tag/fruit/rss.xml\"")
                .contains("/feed/tag/fruit/atom.xml\"");

        String tagRss = given().get("/feed/tag/fruit/rss.xml").then().statusCode(200)
                .contentType(containsString("application/rss+xml")).extract().asString();
        assertThat(tagRss).contains("Apples are in").doesNotContain("Bread rises").contains("/feed/tag/fruit/rss.xml")
                .contains("/tag/fruit/</link>");
        String tagAtom = given().get("/feed/tag/fruit/atom.xml").then().statusCode(200).extract().asString();
        assertThat(tagAtom).contains("Apples are in").doesNotContain("Bread rises");
        assertThat(XmlParse.wellFormed(tagRss)).isTrue();
        assertThat(XmlParse.wellFormed(tagAtom)).isTrue();
        given().get("/feed/tag/no-such-tag/rss.xml").then().statusCode(404);
    }

    @Test
    void robotsTxtPointsCrawlersAtTheSitemapAndAwayFromAdmin() {
        String robots = given().get("/robots.txt").then().statusCode(200).contentType(containsString("text/plain"))
                .extract().asString();
        assertThat(robots).contains("User-agent: *").contains("Disallow: /admin/")
                .containsPattern("(?m)^Sitemap: https?://[^ ]+/sitemap\\.xml$");
    }
}
