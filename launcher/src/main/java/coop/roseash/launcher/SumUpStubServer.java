package coop.roseash.launcher;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stand-in for SumUp in local runs (nothing may reach the real SumUp from a developer's machine): the three
 * checkout calls the cart makes ({@code POST /v0.1/checkouts}, {@code GET /v0.1/checkouts/{id}},
 * {@code GET /v0.1/checkouts?checkout_reference=}), with a 409 for a reference seen before, and a hosted payment page
 * ({@code /pay/{id}}) whose "Pay" or "Decline" button settles the checkout, posts SumUp's webhook to the checkout's
 * {@code return_url} and sends the browser to its {@code redirect_url}. Checkouts live in memory. It reads only the
 * JSON the cart sends, so a field pattern is enough; it is no JSON parser.
 */
public final class SumUpStubServer implements AutoCloseable {

    private record Checkout(String id, String reference, String amount, String currency, String merchantCode,
                            String redirectUrl, String returnUrl, String status) {

        Checkout with(String newStatus) {
            return new Checkout(id, reference, amount, currency, merchantCode, redirectUrl, returnUrl, newStatus);
        }
    }

    private final HttpServer server;
    private final Map<String, Checkout> checkouts = new ConcurrentHashMap<>();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private SumUpStubServer(HttpServer server) {
        this.server = server;
    }

    /** Starts on 127.0.0.1:{@code port} (0: any free port). */
    public static SumUpStubServer start(int port) throws IOException {
        HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        SumUpStubServer stub = new SumUpStubServer(http);
        http.createContext("/v0.1/checkouts", stub::api);
        http.createContext("/pay/", stub::payPage);
        http.setExecutor(Executors.newFixedThreadPool(4));
        http.start();
        return stub;
    }

    /** The base URL to give the cart as {@code roseash.sumup.api-url}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void api(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        if (method.equals("POST") && path.equals("/v0.1/checkouts")) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String reference = field(body, "checkout_reference");
            if (reference == null || field(body, "amount") == null) {
                send(exchange, 400, "application/json", "{\"error_code\":\"INVALID\",\"message\":\"reference and amount required\"}");
                return;
            }
            if (checkouts.values().stream().anyMatch(c -> c.reference().equals(reference))) {
                send(exchange, 409, "application/json", "{\"error_code\":\"DUPLICATED_CHECKOUT\",\"message\":\"Checkout already exists\"}");
                return;
            }
            Checkout checkout = new Checkout(UUID.randomUUID().toString(), reference, field(body, "amount"),
                    field(body, "currency"), field(body, "merchant_code"), field(body, "redirect_url"),
                    field(body, "return_url"), "PENDING");
            checkouts.put(checkout.id(), checkout);
            send(exchange, 201, "application/json", json(checkout));
        } else if (method.equals("GET") && path.equals("/v0.1/checkouts")) {
            String reference = query(exchange.getRequestURI(), "checkout_reference");
            List<String> found = new ArrayList<>();
            checkouts.values().stream().filter(c -> c.reference().equals(reference)).forEach(c -> found.add(json(c)));
            send(exchange, 200, "application/json", "[" + String.join(",", found) + "]");
        } else if (method.equals("GET") && path.startsWith("/v0.1/checkouts/")) {
            Checkout checkout = checkouts.get(path.substring("/v0.1/checkouts/".length()));
            if (checkout == null) {
                send(exchange, 404, "application/json", "{\"error_code\":\"NOT_FOUND\"}");
            } else {
                send(exchange, 200, "application/json", json(checkout));
            }
        } else {
            send(exchange, 405, "text/plain", "");
        }
    }

    private void payPage(HttpExchange exchange) throws IOException {
        Checkout checkout = checkouts.get(exchange.getRequestURI().getPath().substring("/pay/".length()));
        if (checkout == null) {
            send(exchange, 404, "text/plain; charset=utf-8", "No such checkout.");
            return;
        }
        if (exchange.getRequestMethod().equals("GET")) {
            send(exchange, 200, "text/html; charset=utf-8", """
                    <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>SumUp stub: pay</title></head>
                    <body><main><h1>SumUp (local stub)</h1>
                    <p id="amount">%s %s to %s</p><p id="status">%s</p>
                    <form method="post"><button type="submit" name="outcome" value="PAID" id="pay">Pay</button>
                    <button type="submit" name="outcome" value="FAILED" id="decline">Decline</button></form>
                    </main></body></html>""".formatted(escape(checkout.amount()), escape(checkout.currency()),
                    escape(checkout.merchantCode()), escape(checkout.status())));
            return;
        }
        String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String outcome = form.contains("outcome=FAILED") ? "FAILED" : "PAID";
        Checkout settled = checkouts.computeIfPresent(checkout.id(),
                (id, c) -> c.status().equals("PENDING") ? c.with(outcome) : c);
        notifyCart(settled);
        exchange.getResponseHeaders().add("Location", settled.redirectUrl() == null ? "/" : settled.redirectUrl());
        send(exchange, 303, "text/plain", "");
    }

    // SumUp's webhook: only a hint; the cart asks us again. Local public URLs (*.localhost) are reached on loopback.
    private void notifyCart(Checkout checkout) {
        if (checkout.returnUrl() == null) {
            return;
        }
        URI target = URI.create(checkout.returnUrl());
        if (target.getHost() != null && target.getHost().endsWith("localhost")) {
            target = URI.create(target.getScheme() + "://127.0.0.1:" + target.getPort() + target.getRawPath());
        }
        HttpRequest hint = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"event_type\":\"CHECKOUT_STATUS_CHANGED\",\"id\":\""
                        + checkout.id() + "\"}"))
                .build();
        client.sendAsync(hint, HttpResponse.BodyHandlers.discarding());
    }

    private String json(Checkout c) {
        return "{\"id\":\"" + c.id() + "\",\"checkout_reference\":\"" + c.reference() + "\",\"amount\":" + c.amount()
                + ",\"currency\":\"" + c.currency() + "\",\"merchant_code\":\"" + c.merchantCode()
                + "\",\"status\":\"" + c.status() + "\",\"hosted_checkout\":{\"enabled\":true},"
                + "\"hosted_checkout_url\":\"" + baseUrl() + "/pay/" + c.id() + "\"}";
    }

    /** A top-level string or number field of the cart's compact JSON. */
    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*(\"((?:[^\"\\\\]|\\\\.)*)\"|(-?[0-9.]+))")
                .matcher(json);
        if (!m.find()) {
            return null;
        }
        return m.group(2) != null ? m.group(2).replace("\\/", "/") : m.group(3);
    }

    private static String query(URI uri, String name) {
        String raw = uri.getRawQuery();
        if (raw == null) {
            return "";
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) {
                return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return "";
    }

    private static String escape(String value) {
        return value == null ? "" : value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;");
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, status == 303 || bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0 && status != 303) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
