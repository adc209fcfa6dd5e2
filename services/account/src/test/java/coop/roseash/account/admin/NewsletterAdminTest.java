package coop.roseash.account.admin;

import coop.roseash.account.sending.DeliveryWorker;
import coop.roseash.account.support.Fixtures;
import coop.roseash.account.support.TestVisitors;
import coop.roseash.devinfra.PlatformTestResource;
import coop.roseash.shared.model.account.Newsletter;
import coop.roseash.shared.model.account.NewsletterIssue;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** The admin's newsletter pages: create, compose, preview, test, send, progress; and who may use them. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class NewsletterAdminTest {

    @Inject
    Fixtures fixtures;
    @Inject
    DeliveryWorker worker;
    @Inject
    MockMailbox mailbox;

    private static RequestSpecification admin() {
        return given().redirects().follow(false).header(TestVisitors.HEADER, TestVisitors.ADMIN);
    }

    private static long idFrom(String location) {
        String path = location.replaceAll("\\?.*", "");
        return Long.parseLong(path.substring(path.lastIndexOf('/') + 1));
    }

    @Test
    void anAdminCreatesComposesPreviewsTestsAndSendsWithTheProgressShown() {
        String slug = Fixtures.unique("admin-news");
        long id = idFrom(admin().formParam("name", "Co-op news").formParam("slug", slug).post("/admin/newsletters")
                .then().statusCode(303).extract().header("Location"));
        String prefix = Fixtures.unique("admin-reader");
        fixtures.subscribers(id, prefix, 3);

        long issue = idFrom(admin().formParam("subject", "March").formParam("body", "<p>Dear <i>all</i></p><img src=x onerror=alert(1)>")
                .post("/admin/newsletters/" + id + "/issues").then().statusCode(303).extract().header("Location"));
        Document draft = Jsoup.parse(admin().get("/admin/newsletters/issues/" + issue).then().statusCode(200).extract().asString());
        assertThat(draft.select(".newsletter-preview i").text()).isEqualTo("all");
        assertThat(draft.select(".newsletter-preview [onerror]")).isEmpty();
        assertThat(draft.select("#send-progress .send-state").text()).contains("Draft");

        admin().post("/admin/newsletters/issues/" + issue + "/test").then().statusCode(303);
        assertThat(mailbox.getMailsSentTo("admin@rose-ash.coop")).anySatisfy(m -> assertThat(m.getSubject()).isEqualTo("[Test] March"));

        admin().post("/admin/newsletters/issues/" + issue + "/send").then().statusCode(303);
        Document sending = Jsoup.parse(admin().get("/admin/newsletters/issues/" + issue).asString());
        assertThat(sending.select("#send-progress").attr("sx-trigger")).isEqualTo("every 2s");
        assertThat(sending.select("#send-progress .sent-count").text()).isEqualTo("0");
        assertThat(sending.select("#send-progress .total-count").text()).isEqualTo("3");

        worker.drain();
        Document sent = Jsoup.parse(admin().get("/admin/newsletters/issues/" + issue).asString());
        assertThat(sent.select("#send-progress .sent-count").text()).isEqualTo("3");
        assertThat(sent.select("#send-progress").hasAttr("sx-trigger")).as("stops polling when done").isFalse();
        assertThat(sent.select("form[action$=/send]")).isEmpty();

        // pressing send again (an old tab): refused with a message, nobody mailed twice
        String again = admin().post("/admin/newsletters/issues/" + issue + "/send").then().statusCode(409).extract().asString();
        assertThat(Jsoup.parse(again).select("main .error").text()).contains("nobody gets it twice");
        worker.drain();
        for (int i = 0; i < 3; i++) {
            assertThat(mailbox.getMailsSentTo(prefix + "-" + i + "@example.org")).hasSize(1);
        }
    }

    @Test
    void membersAndVisitorsCannotUseTheAdminAndNothingChanges() {
        long id = fixtures.newsletter();
        long before = QuarkusTransaction.requiringNew().call(() -> Newsletter.count() + NewsletterIssue.count());
        String member = TestVisitors.MEMBER;

        given().redirects().follow(false).header(TestVisitors.HEADER, member).get("/admin/newsletters").then().statusCode(403);
        given().redirects().follow(false).header(TestVisitors.HEADER, member).formParam("name", "Mine")
                .post("/admin/newsletters").then().statusCode(403);
        given().redirects().follow(false).header(TestVisitors.HEADER, member).formParam("subject", "x").formParam("body", "<p>x</p>")
                .post("/admin/newsletters/" + id + "/issues").then().statusCode(403);
        given().redirects().follow(false).get("/admin/newsletters").then().statusCode(303);

        assertThat(QuarkusTransaction.requiringNew().call(() -> Newsletter.count() + NewsletterIssue.count())).isEqualTo(before);
    }

    @Test
    void anUnknownNewsletterOrIssueIsNotFoundAndABlankIssueIsRefused() {
        admin().get("/admin/newsletters/987654321").then().statusCode(404);
        admin().get("/admin/newsletters/issues/987654321").then().statusCode(404);
        admin().post("/admin/newsletters/issues/987654321/send").then().statusCode(404);
        long id = fixtures.newsletter();
        String page = admin().formParam("subject", "Empty").formParam("body", "<script>x</script>")
                .post("/admin/newsletters/" + id + "/issues").then().statusCode(400).extract().asString();
        assertThat(Jsoup.parse(page).select("main .error").text()).contains("body is empty");
    }
}
