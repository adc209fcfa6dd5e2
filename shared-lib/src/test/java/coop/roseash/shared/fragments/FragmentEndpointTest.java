package coop.roseash.shared.fragments;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;

import coop.roseash.devinfra.PlatformTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
@TestProfile(FragmentTestProfile.class)
class FragmentEndpointTest {

    private static final String PATH = "/internal/fragments/echo";
    // the name this test application answers to (FragmentTestProfile)
    private static final String TARGET = "self";
    private static final Map<String, List<String>> QUERY = Map.of("user_id", List.of("7"), "variant", List.of("compact"));

    private static RequestSpecification signed(String secret, String path, Map<String, List<String>> query, long timestamp) {
        RequestSpecification request = given()
                .header(InternalSignature.FRAGMENT_REQUEST_HEADER, "1")
                .header(InternalSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
                .header(InternalSignature.SIGNATURE_HEADER, new InternalSignature(secret).sign(TARGET, "GET", path, query, timestamp));
        query.forEach((name, values) -> request.queryParam(name, values.toArray()));
        return request;
    }

    private static long now() {
        return Instant.now().getEpochSecond();
    }

    @Test
    void aSignedRequestGetsTheFragmentHtml() {
        signed(FragmentTestProfile.SECRET, PATH, QUERY, now())
                .get(PATH)
                .then().statusCode(200)
                .contentType(containsString("text/html"))
                .body(equalTo("<p class=\"echo\">user_id=7&variant=compact</p>"));
    }

    @Test
    void withoutTheFragmentRequestHeaderItIsForbidden() {
        long ts = now();
        given().header(InternalSignature.TIMESTAMP_HEADER, Long.toString(ts))
                .header(InternalSignature.SIGNATURE_HEADER, new InternalSignature(FragmentTestProfile.SECRET).sign(TARGET, "GET", PATH, Map.of(), ts))
                .get(PATH)
                .then().statusCode(403).body(containsString("X-Fragment-Request"));
    }

    @Test
    void withoutASignatureItIsForbidden() {
        given().header(InternalSignature.FRAGMENT_REQUEST_HEADER, "1")
                .header(InternalSignature.TIMESTAMP_HEADER, Long.toString(now()))
                .get(PATH)
                .then().statusCode(403).body(containsString("missing X-Internal-Signature"));
    }

    @Test
    void aSignatureWithAnotherSecretIsForbidden() {
        signed("not-the-shared-secret-at-all-0000000", PATH, QUERY, now())
                .get(PATH)
                .then().statusCode(403).body(containsString("invalid X-Internal-Signature"));
    }

    @Test
    void aSignatureForOtherParamsIsForbidden() {
        long ts = now();
        String forOtherUser = new InternalSignature(FragmentTestProfile.SECRET).sign(TARGET, "GET", PATH, Map.of("user_id", List.of("8")), ts);
        given().header(InternalSignature.FRAGMENT_REQUEST_HEADER, "1")
                .header(InternalSignature.TIMESTAMP_HEADER, Long.toString(ts))
                .header(InternalSignature.SIGNATURE_HEADER, forOtherUser)
                .queryParam("user_id", "7")
                .get(PATH)
                .then().statusCode(403).body(containsString("invalid X-Internal-Signature"));
    }

    @Test
    void aSignatureForAnotherServiceIsForbidden() {
        long ts = now();
        String forMarket = new InternalSignature(FragmentTestProfile.SECRET).sign("market", "GET", PATH, Map.of(), ts);
        given().header(InternalSignature.FRAGMENT_REQUEST_HEADER, "1")
                .header(InternalSignature.TIMESTAMP_HEADER, Long.toString(ts))
                .header(InternalSignature.SIGNATURE_HEADER, forMarket)
                .get(PATH)
                .then().statusCode(403).body(containsString("invalid X-Internal-Signature"));
    }

    @Test
    void aStaleTimestampIsForbiddenEvenWhenCorrectlySigned() {
        signed(FragmentTestProfile.SECRET, PATH, QUERY, now() - 120)
                .get(PATH)
                .then().statusCode(403).body(containsString("away from this server's clock"));
    }

    @Test
    void anyInternalPathIsForbiddenWithoutSignatureEvenIfItDoesNotExist() {
        given().header(InternalSignature.FRAGMENT_REQUEST_HEADER, "1")
                .get("/internal/anything")
                .then().statusCode(403);
    }

    @Test
    void aFailingProviderGivesAnEmpty200() {
        signed(FragmentTestProfile.SECRET, "/internal/fragments/failing", Map.of(), now())
                .get("/internal/fragments/failing")
                .then().statusCode(200).body(emptyString());
    }

    @Test
    void anUnknownTypeIsNotFound() {
        signed(FragmentTestProfile.SECRET, "/internal/fragments/no-such", Map.of(), now())
                .get("/internal/fragments/no-such")
                .then().statusCode(404);
    }

    @Test
    void theBatchFormReturnsEachTypeInAJsonObject() {
        Map<String, List<String>> query = new TreeMap<>(Map.of("type", List.of("echo", "failing"), "user_id", List.of("3")));
        signed(FragmentTestProfile.SECRET, "/internal/fragments", query, now())
                .get("/internal/fragments")
                .then().statusCode(200)
                .contentType(containsString("application/json"))
                .body("echo", equalTo("<p class=\"echo\">user_id=3</p>"))
                .body("failing", equalTo(""));
    }
}
