package coop.roseash.e2e.activitypub;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A remote server's inbox on loopback that counts what arrives, per activity id. It checks each POST as a receiver
 * must (the {@code Digest} against the body, the draft-cavage signature over the headers it names against the
 * sender's public key) and answers 202 after {@code delay}, as a busy server would; a POST that does not verify is
 * answered 401 and not counted.
 */
final class CountingInbox implements AutoCloseable {

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern PARAM = Pattern.compile("(\\w+)=\"([^\"]*)\"");

    private final HttpServer server;
    private final Duration delay;
    private final Map<String, AtomicInteger> received = new ConcurrentHashMap<>();
    private final AtomicInteger total = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    private volatile PublicKey senderKey;

    private CountingInbox(HttpServer server, Duration delay) {
        this.server = server;
        this.delay = delay;
    }

    static CountingInbox start(Duration delay) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        CountingInbox inbox = new CountingInbox(server, delay);
        server.createContext("/inbox", inbox::handle);
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
        server.start();
        return inbox;
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/inbox";
    }

    /** The sender's public key (PEM), from its actor document. */
    void trust(String pem) throws Exception {
        String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        senderKey = KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }

    int distinct() {
        return received.size();
    }

    int total() {
        return total.get();
    }

    int refused() {
        return refused.get();
    }

    Set<String> ids() {
        return received.keySet();
    }

    List<String> duplicates() {
        List<String> twice = new ArrayList<>();
        received.forEach((id, n) -> {
            if (n.get() > 1) {
                twice.add(id + " x" + n.get());
            }
        });
        return twice;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (!"POST".equals(exchange.getRequestMethod()) || !verifies(exchange, body)) {
                refused.incrementAndGet();
                exchange.sendResponseHeaders(401, -1);
                return;
            }
            Matcher id = ID.matcher(new String(body, StandardCharsets.UTF_8));
            if (!id.find()) {
                exchange.sendResponseHeaders(400, -1);
                return;
            }
            Thread.sleep(delay.toMillis());
            // counted when answered: the sender may record it as delivered from here on
            received.computeIfAbsent(id.group(1), k -> new AtomicInteger()).incrementAndGet();
            total.incrementAndGet();
            exchange.sendResponseHeaders(202, -1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean verifies(HttpExchange exchange, byte[] body) {
        try {
            String digest = exchange.getRequestHeaders().getFirst("Digest");
            String expected = "SHA-256=" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(body));
            String header = exchange.getRequestHeaders().getFirst("Signature");
            if (senderKey == null || !expected.equals(digest) || header == null) {
                return false;
            }
            Map<String, String> params = new LinkedHashMap<>();
            Matcher m = PARAM.matcher(header);
            while (m.find()) {
                params.put(m.group(1), m.group(2));
            }
            List<String> lines = new ArrayList<>();
            for (String name : params.getOrDefault("headers", "date").split(" ")) {
                lines.add(name.equals("(request-target)")
                        ? "(request-target): post " + exchange.getRequestURI().getRawPath()
                        : name + ": " + exchange.getRequestHeaders().getFirst(name));
            }
            if (!lines.contains("(request-target): post /inbox") || lines.stream().noneMatch(l -> l.startsWith("digest: "))) {
                return false;
            }
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initVerify(senderKey);
            rsa.update(String.join("\n", lines).getBytes(StandardCharsets.UTF_8));
            return rsa.verify(Base64.getDecoder().decode(params.getOrDefault("signature", "")));
        } catch (java.security.GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
