package coop.roseash.shared.web;

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
                .body(containsString("<div class=\"site-cart\">" + RecordingHeaderSource.HEADER.cartMiniHtml() + "</div>"));
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
