package coop.roseash.cart.support;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;

import java.math.BigDecimal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * A WireMock server speaking SumUp's checkouts API, started once for the cart's test application by
 * {@link CartTestResource} (its URL becomes the REST client's). Checkouts are created with id {@code chk-<checkout_reference>} and a hosted page on the stub; tests
 * then say what a GET of that checkout answers (PENDING, PAID, FAILED, another amount) or make SumUp fail;
 * deactivating (DELETE) a checkout is answered and recorded ({@link #deactivations}).
 */
public final class SumUpStub {

    private static WireMockServer server;

    private SumUpStub() {
    }

    /** Starts the server once per JVM (every test class shares it); returns its base URL. */
    static synchronized String start() {
        if (server == null) {
            server = new WireMockServer(options().dynamicPort().globalTemplating(true));
            server.start();
        }
        acceptCheckouts();
        return server.baseUrl();
    }

    public static WireMockServer server() {
        return server;
    }

    /** The id the stub gives the checkout created with {@code reference}. */
    public static String checkoutId(String reference) {
        return "chk-" + reference;
    }

    /** POST /v0.1/checkouts answers 201 with the checkout, PENDING, and its hosted page on the stub. */
    public static void acceptCheckouts() {
        server.stubFor(post(urlPathEqualTo("/v0.1/checkouts")).atPriority(10).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withBody("""
                        {"id":"chk-{{jsonPath request.body '$.checkout_reference'}}",
                         "checkout_reference":"{{jsonPath request.body '$.checkout_reference'}}",
                         "amount":{{jsonPath request.body '$.amount'}},
                         "currency":"{{jsonPath request.body '$.currency'}}",
                         "merchant_code":"{{jsonPath request.body '$.merchant_code'}}",
                         "status":"PENDING",
                         "hosted_checkout":{"enabled":true},
                         "hosted_checkout_url":"%s/pay/chk-{{jsonPath request.body '$.checkout_reference'}}"}"""
                        .formatted(server.baseUrl()))));
        // deactivating a checkout: SumUp answers with the checkout, now EXPIRED
        server.stubFor(delete(urlPathMatching("/v0.1/checkouts/[^/]+")).atPriority(10).willReturn(okJson(
                "{\"id\":\"{{request.pathSegments.[2]}}\",\"status\":\"EXPIRED\"}")));
        server.stubFor(get(urlPathMatching("/pay/.*")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html; charset=utf-8")
                .withBody("<!DOCTYPE html><html lang=\"en\"><head><title>SumUp stub</title></head>"
                        + "<body><main><h1>Pay with SumUp (stub)</h1></main></body></html>")));
    }

    /** What a GET of the checkout created for {@code reference} answers from now on. */
    public static void checkoutIs(String reference, String status, BigDecimal amount, String currency) {
        String id = checkoutId(reference);
        server.stubFor(get(urlPathEqualTo("/v0.1/checkouts/" + id)).willReturn(okJson("""
                {"id":"%s","checkout_reference":"%s","amount":%s,"currency":"%s","merchant_code":"%s","status":"%s"}"""
                .formatted(id, reference, amount.toPlainString(), currency, TestPageSettings.MERCHANT, status))));
    }

    /** Creating the checkout with {@code reference} answers 409 (an earlier attempt created it); listing finds it. */
    public static void duplicate(String reference) {
        String id = checkoutId(reference);
        server.stubFor(post(urlPathEqualTo("/v0.1/checkouts")).atPriority(1)
                .withRequestBody(matchingJsonPath("$.checkout_reference", equalTo(reference)))
                .willReturn(aResponse().withStatus(409).withHeader("Content-Type", "application/json")
                        .withBody("{\"error_code\":\"DUPLICATED_CHECKOUT\",\"message\":\"Checkout already exists\"}")));
        server.stubFor(get(urlPathEqualTo("/v0.1/checkouts")).withQueryParam("checkout_reference", equalTo(reference))
                .willReturn(okJson("""
                        [{"id":"%s","checkout_reference":"%s","status":"PENDING","amount":1,"currency":"GBP",
                          "hosted_checkout_url":"%s/pay/%s"}]""".formatted(id, reference, server.baseUrl(), id))));
    }

    /** SumUp refuses to deactivate the checkout created for {@code reference} (it was processed meanwhile). */
    public static void refuseDeactivation(String reference) {
        server.stubFor(delete(urlPathEqualTo("/v0.1/checkouts/" + checkoutId(reference))).atPriority(1)
                .willReturn(aResponse().withStatus(409).withHeader("Content-Type", "application/json")
                        .withBody("{\"error_code\":\"CHECKOUT_PROCESSED\",\"message\":\"Checkout is already processed\"}")));
    }

    /** How many times the checkout created for {@code reference} was deactivated with the page's API key. */
    public static int deactivations(String reference) {
        return server.findAll(deleteRequestedFor(urlPathEqualTo("/v0.1/checkouts/" + checkoutId(reference)))
                .withHeader("Authorization", equalTo("Bearer " + TestPageSettings.API_KEY))).size();
    }

    /** SumUp is down: creating a checkout gets the connection reset. */
    public static void down() {
        server.stubFor(post(urlPathEqualTo("/v0.1/checkouts")).atPriority(1)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    }

    /** Back to normal: every stub removed, creation accepted again. */
    public static void reset() {
        server.resetAll();
        acceptCheckouts();
    }
}
