package coop.roseash.account.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import coop.roseash.account.SecretTokens;
import coop.roseash.shared.fragments.InternalSignature;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/**
 * Plays federation's {@code /internal/sessions} for account's tests, holding each member's sessions in memory: it
 * answers only requests signed with the internal secret for "federation" that name a live session of the member,
 * as federation does (federation's own behaviour is its MemberSessionsTest; the whole path is e2e's SignOutElsewhereIT).
 */
public class FakeFederation implements QuarkusTestResourceLifecycleManager {

    public static final String SECRET = "account-test-internal-secret";

    /** A session of a member: its sid (the fake keeps the clear id; federation keeps only its hash). */
    public record FakeSession(long id, long member, String sid, String device, List<String> services) {
    }

    public static final Map<Long, FakeSession> SESSIONS = new ConcurrentHashMap<>();
    /** Every request that passed the signature check: "METHOD path?query". */
    public static final List<String> CALLS = new CopyOnWriteArrayList<>();
    private static long next = 1;

    private HttpServer server;

    public static synchronized FakeSession add(long member, String sid, String device, String... services) {
        FakeSession s = new FakeSession(next++, member, sid, device, List.of(services));
        SESSIONS.put(s.id(), s);
        return s;
    }

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/internal/sessions", this::handle);
        server.start();
        return Map.of("roseash.services.federation.internal-url", "http://127.0.0.1:" + server.getAddress().getPort(),
                "roseash.internal.hmac-secret", SECRET);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        Map<String, List<String>> query = query(exchange.getRequestURI().getRawQuery());
        long at = Long.parseLong(exchange.getRequestHeaders().getFirst(InternalSignature.TIMESTAMP_HEADER));
        if (!new InternalSignature(SECRET).matches(exchange.getRequestHeaders().getFirst(InternalSignature.SIGNATURE_HEADER),
                "federation", exchange.getRequestMethod(), path, query, at)) {
            answer(exchange, 403, "{\"error\":\"bad signature\"}");
            return;
        }
        CALLS.add(exchange.getRequestMethod() + " " + path + "?" + exchange.getRequestURI().getRawQuery());
        long member = Long.parseLong(query.get("user_id").get(0));
        String current = query.get("current").get(0);
        List<FakeSession> mine = SESSIONS.values().stream().filter(s -> s.member() == member).toList();
        FakeSession self = mine.stream().filter(s -> SecretTokens.hash(s.sid()).equals(current)).findFirst().orElse(null);
        if (self == null) {
            answer(exchange, 403, "{\"error\":\"not a live session of the member\"}");
            return;
        }
        switch (path) {
            case "/internal/sessions" -> answer(exchange, 200, "{\"sessions\":[" + mine.stream()
                    .map(s -> json(s, s == self)).collect(Collectors.joining(",")) + "]}");
            case "/internal/sessions/end-others" -> {
                List<FakeSession> others = new ArrayList<>(mine);
                others.remove(self);
                others.forEach(s -> SESSIONS.remove(s.id()));
                answer(exchange, 200, "{\"ended\":" + others.size() + "}");
            }
            case "/internal/sessions/end" -> {
                long id = Long.parseLong(query.get("session").get(0));
                FakeSession chosen = SESSIONS.get(id);
                if (chosen == null || chosen.member() != member) {
                    answer(exchange, 404, "{\"error\":\"no such session\"}");
                } else if (chosen == self) {
                    answer(exchange, 409, "{\"error\":\"current\"}");
                } else {
                    SESSIONS.remove(id);
                    answer(exchange, 200, "{\"ended\":1}");
                }
            }
            default -> answer(exchange, 404, "{}");
        }
    }

    private static String json(FakeSession s, boolean current) {
        String at = Instant.parse("2026-12-07T17:40:00Z").toString();
        return "{\"id\":" + s.id() + ",\"device\":\"" + s.device() + "\",\"startedAt\":\"" + at + "\",\"lastSeenAt\":\"" + at
                + "\",\"services\":[" + s.services().stream().map(x -> "\"" + x + "\"").collect(Collectors.joining(","))
                + "],\"current\":" + current + "}";
    }

    private static Map<String, List<String>> query(String raw) {
        Map<String, List<String>> q = new TreeMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                q.computeIfAbsent(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8), k -> new ArrayList<>())
                        .add(URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return q;
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
