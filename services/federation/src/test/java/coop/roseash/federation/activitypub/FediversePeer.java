package coop.roseash.federation.activitypub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import coop.roseash.shared.activitypub.ActorKeys;
import coop.roseash.shared.activitypub.CavageSignatures;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * Another fediverse server on loopback, as our inbox and delivery see one: it serves actor documents (each with its
 * own RSA key), records what is posted to its inboxes, and signs the activities its actors send us.
 */
final class FediversePeer implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();

    /** A POST the peer received. */
    record Received(String path, Map<String, List<String>> headers, byte[] body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private final HttpServer server;
    private final Map<String, ActorKeys.Pem> keys = new ConcurrentHashMap<>();
    final List<Received> received = new CopyOnWriteArrayList<>();
    /** How many of the next inbox POSTs to answer 500. */
    final AtomicInteger failNext = new AtomicInteger();
    final Map<String, byte[]> extraDocuments = new ConcurrentHashMap<>();
    final Map<String, String> redirects = new ConcurrentHashMap<>();

    FediversePeer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    String actor(String name) {
        keys.computeIfAbsent(name, n -> ActorKeys.generate());
        return base() + "/users/" + name;
    }

    /** Gives an actor a new key (the old one stops verifying), as a server rotating keys does. */
    void rotateKey(String name) {
        keys.put(name, ActorKeys.generate());
    }

    String privateKey(String name) {
        actor(name);
        return keys.get(name).privateKey();
    }

    /** Headers that sign a POST of {@code body} to {@code target} as {@code signer} (default: at now). */
    Map<String, String> sign(String signer, URI target, byte[] body, Instant at) {
        return CavageSignatures.sign("POST", target, body, actor(signer) + "#main-key",
                ActorKeys.privateKey(privateKey(signer)), at);
    }

    List<Received> inboxPosts(Predicate<JsonNode> matching) {
        return received.stream().filter(r -> matching.test(r.json())).toList();
    }

    /** Waits for a POST whose JSON matches; fails the test after {@code timeout}. */
    Received awaitPost(Predicate<JsonNode> matching, java.time.Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            List<Received> found = inboxPosts(matching);
            if (!found.isEmpty()) {
                return found.get(0);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("no matching POST reached the peer within " + timeout + "; it got " + received.size());
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        try (exchange) {
            if ("POST".equals(exchange.getRequestMethod())) {
                byte[] body = exchange.getRequestBody().readAllBytes();
                if (failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                    exchange.sendResponseHeaders(500, -1);
                    return;
                }
                received.add(new Received(path, Map.copyOf(exchange.getRequestHeaders()), body));
                exchange.sendResponseHeaders(202, -1);
                return;
            }
            if (redirects.containsKey(path)) {
                exchange.getResponseHeaders().add("Location", redirects.get(path));
                exchange.sendResponseHeaders(302, -1);
                return;
            }
            byte[] doc = extraDocuments.get(path);
            String query = exchange.getRequestURI().getQuery();
            if ("/.well-known/webfinger".equals(path) && query != null && query.startsWith("resource=acct:")) {
                String acct = query.substring("resource=acct:".length());
                String name = acct.substring(0, Math.max(0, acct.indexOf('@')));
                if (keys.containsKey(name)) {
                    doc = JSON.writeValueAsString(Map.of("subject", "acct:" + acct, "links", List.of(Map.of("rel", "self",
                            "type", "application/activity+json", "href", actor(name))))).getBytes(StandardCharsets.UTF_8);
                }
            }
            if (doc == null && path.startsWith("/users/") && keys.containsKey(path.substring("/users/".length()))) {
                doc = actorDocument(path.substring("/users/".length()));
            }
            if (doc == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            exchange.getResponseHeaders().add("Content-Type", "application/activity+json");
            exchange.sendResponseHeaders(200, doc.length);
            exchange.getResponseBody().write(doc);
        }
    }

    private byte[] actorDocument(String name) throws IOException {
        String id = actor(name);
        Map<String, Object> doc = Map.of(
                "@context", List.of("https://www.w3.org/ns/activitystreams", "https://w3id.org/security/v1"),
                "id", id, "type", "Person", "preferredUsername", name, "name", name.toUpperCase(),
                "inbox", id + "/inbox", "endpoints", Map.of("sharedInbox", base() + "/inbox"),
                "publicKey", Map.of("id", id + "#main-key", "owner", id, "publicKeyPem", keys.get(name).publicKey()));
        return JSON.writeValueAsString(doc).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
