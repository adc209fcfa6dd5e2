package coop.roseash.shared.web.edge;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import coop.roseash.devinfra.PlatformTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** What a request through the reverse proxy gets, compared with one from inside the stack. */
@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
class EdgeFiltersTest {

    private static final String PAGE = "/sx/routetest/hello/Ada";

    @Test
    void healthAndMetricsAnswerADirectRequest() {
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200);
    }

    @Test
    void operatorPathsAreNotFoundThroughTheProxy() {
        given().header("X-Forwarded-Proto", "https").header("X-Forwarded-For", "203.0.113.7")
                .get("/q/health/ready").then().statusCode(404).body(containsString("Page not found"));
        given().header("Forwarded", "for=203.0.113.7;proto=https").get("/q/metrics").then().statusCode(404);
        given().header("X-Forwarded-For", "203.0.113.7").get("/q").then().statusCode(404);
        given().header("X-Forwarded-For", "203.0.113.7").get("/internal/fragments/x").then().statusCode(404);
    }

    @Test
    void pagesStillAnswerThroughTheProxy() {
        given().header("X-Forwarded-Proto", "https").header("X-Forwarded-For", "203.0.113.7")
                .get(PAGE).then().statusCode(200);
    }

    @Test
    void httpsResponsesCarryHsts() {
        given().header("X-Forwarded-Proto", "https").get(PAGE).then()
                .statusCode(200).header(StrictTransportSecurity.HEADER, equalTo("max-age=31536000; includeSubDomains"));
        given().header("X-Forwarded-Proto", "https").get("/sx/routetest/nowhere").then()
                .statusCode(404).header(StrictTransportSecurity.HEADER, equalTo(StrictTransportSecurity.VALUE));
    }

    @Test
    void noInstanceIsNamedUnlessConfigured() {
        // roseash.instance is set only for the launcher's replicas (ReplicasIT shows the header there)
        given().get(PAGE).then().statusCode(200).header(InstanceHeader.HEADER, nullValue());
    }

    @Test
    void plainHttpResponsesDoNot() {
        given().get(PAGE).then().statusCode(200).header(StrictTransportSecurity.HEADER, nullValue());
        given().header("X-Forwarded-Proto", "http").get(PAGE).then().header(StrictTransportSecurity.HEADER, nullValue());
    }
}
