package coop.roseash.launcher;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The local run's SumUp stub speaks the three calls the cart makes and settles a checkout from its payment page. */
class SumUpStubServerTest {

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void createsAnswers409ForAKnownReferenceAndSettlesFromThePaymentPage() throws Exception {
        CompletableFuture<String> webhook = new CompletableFuture<>();
        HttpServer cart = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        cart.createContext("/sumup/webhook", exchange -> {
            webhook.complete(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        cart.start();
        try (SumUpStubServer stub = SumUpStubServer.start(0)) {
            String cartUrl = "http://cart.localhost:" + cart.getAddress().getPort();
            String body = "{\"checkout_reference\":\"ref-1\",\"amount\":16.00,\"currency\":\"GBP\",\"merchant_code\":\"M1\","
                    + "\"redirect_url\":\"" + cartUrl + "/orders/7/return\",\"return_url\":\"" + cartUrl + "/sumup/webhook\","
                    + "\"hosted_checkout\":{\"enabled\":true}}";
            HttpRequest.Builder create = HttpRequest.newBuilder(URI.create(stub.baseUrl() + "/v0.1/checkouts"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));

            HttpResponse<String> created = send(create);
            assertThat(created.statusCode()).isEqualTo(201);
            String id = SumUpStubServer.field(created.body(), "id");
            assertThat(SumUpStubServer.field(created.body(), "hosted_checkout_url")).isEqualTo(stub.baseUrl() + "/pay/" + id);
            assertThat(send(create).statusCode()).isEqualTo(409);
            assertThat(send(HttpRequest.newBuilder(URI.create(stub.baseUrl() + "/v0.1/checkouts?checkout_reference=ref-1")))
                    .body()).contains("\"id\":\"" + id + "\"");

            assertThat(send(HttpRequest.newBuilder(URI.create(stub.baseUrl() + "/pay/" + id))).body()).contains("16.00 GBP");
            HttpResponse<String> paid = send(HttpRequest.newBuilder(URI.create(stub.baseUrl() + "/pay/" + id))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("outcome=PAID")));

            assertThat(paid.statusCode()).isEqualTo(303);
            assertThat(paid.headers().firstValue("Location")).contains(cartUrl + "/orders/7/return");
            assertThat(SumUpStubServer.field(send(HttpRequest.newBuilder(URI.create(stub.baseUrl() + "/v0.1/checkouts/" + id)))
                    .body(), "status")).isEqualTo("PAID");
            assertThat(webhook.get(5, TimeUnit.SECONDS)).contains("\"id\":\"" + id + "\"", "CHECKOUT_STATUS_CHANGED");
        } finally {
            cart.stop(0);
        }
    }
}
