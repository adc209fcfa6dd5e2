package coop.roseash.blog.demos;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * With {@code roseash.blog.demos.enabled} off (production), every demo route is the site's 404 page. The switch is
 * replaced for each test here (QuarkusMock), so the other demo tests keep the demos on without another Quarkus start.
 */
@QuarkusTest
class DemosOffTest {

    @BeforeEach
    void demosOff() {
        QuarkusMock.installMockForType(new DemoSwitch(false), DemoSwitch.class);
    }

    @Test
    void everyDemoPageIsNotFound() {
        for (String path : DemoPagesTest.PAGES) {
            given().get(path).then().statusCode(404).body(containsString("Page not found"));
        }
        given().header("SX-Request", "true").get("/sx/demos/counter").then().statusCode(404);
    }

    @Test
    void demoHandlersAreNotFoundEither() {
        given().queryParam("from", "0").get("/sx/demos/click-to-load/rows").then().statusCode(404);
        given().contentType("application/x-www-form-urlencoded").formParam("note", "hello")
                .post("/sx/demos/oob").then().statusCode(404);
        given().delete("/sx/demos/delete/1").then().statusCode(404);
    }
}
