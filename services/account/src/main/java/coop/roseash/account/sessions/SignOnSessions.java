package coop.roseash.account.sessions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import coop.roseash.account.SecretTokens;
import coop.roseash.shared.config.ServiceUrls;
import coop.roseash.shared.fragments.FragmentParams;
import coop.roseash.shared.fragments.InternalAuthConfig;
import coop.roseash.shared.fragments.InternalSignature;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The member's sign-on sessions, held by federation (the OpenID provider) and asked for over its signed internal
 * endpoint {@code /internal/sessions}: list them, end one, end all but this one. Each request names the member and the
 * SHA-256 of the session account is serving them in, which federation checks is live and theirs.
 */
@ApplicationScoped
public class SignOnSessions {

    private static final Logger LOG = Logger.getLogger(SignOnSessions.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.UK)
            .withZone(ZoneId.of("Europe/London"));

    /** federation did not answer, or refused: the message says so in words for the member. */
    public static class Unavailable extends RuntimeException {
        private final int status;

        public Unavailable(int status, String message) {
            super(message);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    private final ServiceUrls urls;
    private final Optional<InternalSignature> signature;
    private final ObjectMapper json;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
            .version(HttpClient.Version.HTTP_1_1).build();

    SignOnSessions(ServiceUrls urls, InternalAuthConfig auth, ObjectMapper json) {
        this.urls = urls;
        this.signature = auth.hmacSecret().filter(s -> !s.isBlank()).map(InternalSignature::new);
        this.json = json;
    }

    /** The member's live sessions, this one first. */
    public List<SessionView> list(long memberId, String sid) {
        JsonNode body = call("GET", "/internal/sessions", params(memberId, sid));
        List<SessionView> sessions = new ArrayList<>();
        for (JsonNode s : body.path("sessions")) {
            List<String> services = new ArrayList<>();
            s.path("services").forEach(n -> services.add(n.asText()));
            Instant started = Instant.parse(s.path("startedAt").asText());
            Instant seen = Instant.parse(s.path("lastSeenAt").asText());
            sessions.add(new SessionView(s.path("id").asLong(), s.path("device").asText(), SHOWN.format(started),
                    started.toString(), SHOWN.format(seen), seen.toString(), services, s.path("current").asBoolean()));
        }
        sessions.sort((a, b) -> Boolean.compare(b.current(), a.current()));
        return sessions;
    }

    /** Ends every other session of the member; how many ended. */
    public int endOthers(long memberId, String sid) {
        return call("POST", "/internal/sessions/end-others", params(memberId, sid)).path("ended").asInt();
    }

    /** Ends one other session of the member. */
    public void end(long memberId, String sid, long sessionId) {
        Map<String, String> params = params(memberId, sid);
        params.put("session", Long.toString(sessionId));
        call("POST", "/internal/sessions/end", params);
    }

    private static Map<String, String> params(long memberId, String sid) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("user_id", Long.toString(memberId));
        params.put("current", SecretTokens.hash(sid));
        return params;
    }

    private JsonNode call(String method, String path, Map<String, String> params) {
        InternalSignature signer = signature.orElseThrow(() ->
                new Unavailable(503, "Sessions cannot be shown: the platform's internal key is not configured."));
        Map<String, List<String>> query = new LinkedHashMap<>();
        params.forEach((k, v) -> query.put(k, List.of(v)));
        long now = Instant.now().getEpochSecond();
        String canonical = FragmentParams.canonicalQuery(query);
        HttpRequest request = HttpRequest.newBuilder(URI.create(urls.internalUrl("federation") + path + "?" + canonical))
                .timeout(TIMEOUT)
                .header(InternalSignature.FRAGMENT_REQUEST_HEADER, "1")
                .header(InternalSignature.TIMESTAMP_HEADER, Long.toString(now))
                .header(InternalSignature.SIGNATURE_HEADER, signer.sign("federation", method, path, query, now))
                .header("Accept", "application/json")
                .method(method, HttpRequest.BodyPublishers.noBody())
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            LOG.warnf("federation's sessions endpoint did not answer: %s", e.toString());
            throw new Unavailable(503, "The sign-in service did not answer. Try again in a moment.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable(503, "The sign-in service did not answer. Try again in a moment.");
        }
        JsonNode body;
        try {
            body = json.readTree(response.body());
        } catch (IOException e) {
            body = json.createObjectNode();
        }
        if (response.statusCode() == 404) {
            throw new Unavailable(404, "That session has ended already.");
        }
        if (response.statusCode() == 409) {
            throw new Unavailable(409, "That is the session you are using now; to end it, sign out.");
        }
        if (response.statusCode() != 200) {
            LOG.warnf("federation's sessions endpoint answered %d: %s", response.statusCode(), body.path("error").asText());
            throw new Unavailable(503,
                    "Your sessions cannot be shown or changed right now. Sign out and in again, then retry.");
        }
        return body;
    }
}
