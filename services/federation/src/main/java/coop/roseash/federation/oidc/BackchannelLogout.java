package coop.roseash.federation.oidc;

import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * OIDC Back-Channel Logout 1.0: tells every client with a registered logout URI that a session
 * ended, in parallel, waiting briefly so the member's next page on another service is already
 * signed out. A client that does not answer in time is logged and skipped.
 */
@ApplicationScoped
class BackchannelLogout {
    private static final Logger LOG = Logger.getLogger(BackchannelLogout.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    private final ClientRegistry clients;
    private final TokenIssuer tokens;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    BackchannelLogout(ClientRegistry clients, TokenIssuer tokens) {
        this.clients = clients;
        this.tokens = tokens;
    }

    void notifyClients(String subject, String sessionId) {
        notifyClients(subject, java.util.Collections.singletonList(sessionId));
    }

    /** One logout token per session and client, all in parallel (a member ending their other sessions at once). */
    void notifyClients(String subject, List<String> sessionIds) {
        List<RegisteredClient> receivers = clients.all().stream()
                .filter(c -> c.backchannelLogoutUri() != null && !c.backchannelLogoutUri().isBlank())
                .toList();
        List<CompletableFuture<Void>> calls = sessionIds.stream()
                .flatMap(sid -> receivers.stream().map(c -> send(c, subject, sid)))
                .toList();
        if (calls.isEmpty()) {
            return;
        }
        try {
            CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).get(TIMEOUT.toMillis() + 500, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            LOG.warn("back-channel logout: some clients did not answer in time");
        } catch (Exception e) {
            LOG.warn("back-channel logout failed", e);
        }
    }

    private CompletableFuture<Void> send(RegisteredClient client, String subject, String sessionId) {
        String body = "logout_token=" + URLEncoder.encode(tokens.logoutToken(client.clientId(), subject, sessionId), StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(client.backchannelLogoutUri()))
                .timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .thenAccept(r -> {
                    if (r.statusCode() >= 300) {
                        LOG.warnf("back-channel logout to %s answered %d", client.clientId(), r.statusCode());
                    }
                })
                .exceptionally(e -> {
                    LOG.warnf("back-channel logout to %s failed: %s", client.clientId(), e.getMessage());
                    return null;
                });
    }
}
