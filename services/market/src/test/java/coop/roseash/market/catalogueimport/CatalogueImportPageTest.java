package coop.roseash.market.catalogueimport;

import coop.roseash.devinfra.PlatformTestResource;
import coop.roseash.shared.web.Visitor;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** The admin page: admins only, a start button behind CSRF, and a progress box that polls while a run goes on. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
@WithTestResource(CatalogueSite.class)
class CatalogueImportPageTest extends ImportTestBase {

    private static final String ORIGIN = "http://market.localhost:8002";

    @Test
    void anAdminStartsAnImportWithTheCsrfTokenAndWatchesItLive() throws Exception {
        signIn(new Visitor(9001L, "admin@rose-ash.coop", "admin", true, null));
        Response first = given().get("/admin/import");
        assertThat(first.statusCode()).isEqualTo(200);
        Document page = Jsoup.parse(first.asString());
        assertThat(page.select("h1").text()).isEqualTo("Catalogue import");
        assertThat(page.select("select[name=market_page] option").eachAttr("value")).contains(String.valueOf(shop));
        assertThat(page.select("#import-progress").text()).contains("No import has run yet");
        String token = page.select("input[name=_csrf]").val();
        String cookie = first.getCookie("roseash-csrf");

        // without the token: refused, nothing starts
        given().header("Origin", ORIGIN).cookie("roseash-csrf", cookie).formParam("market_page", shop)
                .redirects().follow(false).post("/admin/import").then().statusCode(403);
        assertThat(((Number) db.value("SELECT count(*) FROM catalogue_import_runs")).intValue()).isZero();
        // not a market page: the form again, with what to do
        Response wrong = post(cookie, token, "no-such-page");
        assertThat(wrong.statusCode()).isEqualTo(422);
        assertThat(Jsoup.parse(wrong.asString()).select("p.error").text()).isEqualTo("Choose the market page to import into.");

        CountDownLatch reached = CatalogueSite.hold("/catalogue/dried-fruit");
        Response started = post(cookie, token, String.valueOf(shop));
        assertThat(started.statusCode()).isEqualTo(303);
        assertThat(started.header("Location")).endsWith("/admin/import?started=new");
        assertThat(reached.await(30, TimeUnit.SECONDS)).isTrue();

        // while it runs: the box polls itself, the start button is gone, a second start is refused
        Document running = Jsoup.parse(given().get("/admin/import?started=new").asString());
        assertThat(running.select("p.notice").text()).isEqualTo("Import started.");
        assertThat(running.select("#import-progress").attr("sx-trigger")).isEqualTo("every 2s");
        assertThat(running.select("#import-progress").attr("sx-get")).isEqualTo("/admin/import");
        assertThat(running.select("#import-progress h2").text()).endsWith(": running");
        assertThat(running.select("td[data-count=pages-visited]").text()).isEqualTo("1");
        assertThat(running.select("select[name=market_page]")).isEmpty();
        assertThat(post(cookie, token, String.valueOf(shop)).statusCode()).isEqualTo(409);

        CatalogueSite.release("/catalogue/dried-fruit");
        importer.working().orElseThrow().get(60, TimeUnit.SECONDS);
        Document finished = Jsoup.parse(given().get("/admin/import").asString());
        assertThat(finished.select("#import-progress h2").text()).endsWith(": finished");
        assertThat(finished.select("#import-progress").hasAttr("sx-trigger")).isFalse();
        assertThat(finished.select("td[data-count=created]").text()).isEqualTo("11");
        assertThat(finished.select("td[data-count=pages-skipped]").text()).isEqualTo("4");
        assertThat(finished.select(".import-skipped li").eachText())
                .anyMatch(s -> s.endsWith("/product/slow-to-load: no complete answer within 1000 ms"));
    }

    @Test
    void membersAreRefusedAndVisitorsSentToSignIn() {
        signIn(Visitor.ANONYMOUS);
        given().redirects().follow(false).get("/admin/import").then().statusCode(303)
                .header("Location", org.hamcrest.Matchers.endsWith("/auth/login?return_to=/admin/import"));
        signIn(new Visitor(9002L, "member@rose-ash.coop", "member", false, null));
        given().get("/admin/import").then().statusCode(403);
        given().header("Origin", ORIGIN).formParam("market_page", shop).post("/admin/import").then().statusCode(403);
        assertThat(((Number) db.value("SELECT count(*) FROM catalogue_import_runs")).intValue()).isZero();
    }

    private Response post(String cookie, String token, String marketPage) {
        return given().header("Origin", ORIGIN).cookie("roseash-csrf", cookie).formParam("_csrf", token)
                .formParam("market_page", marketPage).redirects().follow(false).post("/admin/import");
    }

    /**
     * This test's requests come from {@code visitor}: the page's own gate, checking as always, asks it instead of
     * single sign-on (whatever stands in for sign-in in the rest of market's tests).
     */
    private static void signIn(Visitor visitor) {
        QuarkusMock.installMockForType(new ImportAdminGate(() -> visitor), ImportAdminGate.class);
    }
}
