package coop.roseash.account.dashboard;

import coop.roseash.account.support.TestVisitors;
import coop.roseash.devinfra.PlatformTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tickets, bookings and orders pages with their providers absent (this test application has no internal
 * secret, so every fragment comes back empty, as from a provider that is down): a friendly empty state, never an
 * error page.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class AccountPagesTest {

    @Test
    void eachPageShowsAFriendlyEmptyStateWhenItsProviderGivesNothing() {
        for (String slug : new String[] {"tickets", "bookings", "orders"}) {
            Document page = Jsoup.parse(given().header(TestVisitors.HEADER, TestVisitors.MEMBER).get("/page/" + slug)
                    .then().statusCode(200).extract().asString());
            assertThat(page.select("#account-page-empty").text()).contains("Nothing to show here");
            assertThat(page.select("nav[aria-label=Your account] a[aria-current=page]").attr("href")).isEqualTo("/page/" + slug);
        }
    }

    @Test
    void theDashboardLinksEveryPageAndAnUnknownPageIsNotFound() {
        Document home = Jsoup.parse(given().header(TestVisitors.HEADER, TestVisitors.MEMBER).get("/")
                .then().statusCode(200).extract().asString());
        assertThat(home.select("main a[href=/profile]")).isNotEmpty();
        assertThat(home.select("main a[href=/page/tickets]")).isNotEmpty();
        assertThat(home.select("main a[href=/page/orders]")).isNotEmpty();

        given().header(TestVisitors.HEADER, TestVisitors.MEMBER).get("/page/passwords").then().statusCode(404);
        given().redirects().follow(false).get("/page/tickets").then().statusCode(303);
    }
}
