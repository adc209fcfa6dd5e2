package coop.roseash.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import coop.roseash.devinfra.PlatformTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The layout shows the three header fragments as markup, and starts loading them before the page's data. */
@QuarkusTest
@TestProfile(SiteHeaderTest.FixedHeader.class)
@QuarkusTestResource(PlatformTestResource.class)
class SiteHeaderTest {

    /**
     * Replaces the fragments client with {@link RecordingHeaderSource}. A profile (one more start): QuarkusMock
     * refuses this bean here (its client proxy is not mockable), so the alternative is swapped in at build time.
     */
    public static class FixedHeader implements QuarkusTestProfile {
        @Override
        public Set<Class<?>> getEnabledAlternatives() {
            return Set.of(RecordingHeaderSource.class);
        }
    }

    @Test
    void layoutShowsNavAuthMenuAndMiniCartAsMarkup() {
        given().get("/").then()
                .statusCode(200)
                .body(containsString("<nav class=\"site-nav\" aria-label=\"Site\">" + RecordingHeaderSource.HEADER.navTreeHtml() + "</nav>"))
                .body(containsString("<div class=\"site-auth\">" + RecordingHeaderSource.HEADER.authMenuHtml() + "</div>"))
                .body(containsString("<div id=\"site-cart\" class=\"site-cart\">" + RecordingHeaderSource.HEADER.cartMiniHtml() + "</div>"));
    }

    /** Every page: a skip link to the content, and a site search box (blog's search) with a label, inside the menu. */
    @Test
    void headerHasASkipLinkAndALabelledSearchBox() {
        String page = given().get("/").then().statusCode(200).extract().asString();
        assertThat(page).contains("<a class=\"skip-link\" href=\"#main\">Skip to content</a>")
                .contains("<main id=\"main\"")
                .contains("<button type=\"button\" class=\"site-menu-button\" popovertarget=\"site-menu\">Menu</button>")
                .contains("<div id=\"site-menu\" class=\"site-menu-body\" popover=\"auto\">")
                .containsPattern("<form class=\"site-search\" role=\"search\" method=\"get\" action=\"[^\"]+/search\">")
                .contains("<label class=\"visually-hidden\" for=\"site-search-q\">Search the site</label>")
                .contains("<input id=\"site-search-q\" type=\"search\" name=\"q\"");
    }

    @Test
    void headerStartsLoadingBeforeTheResourceMethodLoadsItsData() {
        RecordingHeaderSource.LOADS.set(0);
        given().get("/test/header-order").then()
                .statusCode(200)
                .body(containsString("header loads before the data: 1"));
    }

    @Test
    void engineRequestsDoNotLoadTheHeader() {
        RecordingHeaderSource.LOADS.set(0);
        given().header("SX-Request", "true").get("/test/header-order").then()
                .statusCode(200)
                .body(containsString("(~routetest/header-order :loads 0)"));
    }
}
