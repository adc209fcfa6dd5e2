package coop.roseash.shared.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import coop.roseash.devinfra.PlatformTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusMock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The layout shows the three header fragments as markup, and starts loading them before the page's data. */
@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
class SiteHeaderTest {

    /** Replaces the fragments client with {@link RecordingHeaderSource} in each test (a mock, not a profile: no restart). */
    @BeforeEach
    void fixedHeader() {
        QuarkusMock.installMockForType(new RecordingHeaderSource(), SiteHeaderSource.class);
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
