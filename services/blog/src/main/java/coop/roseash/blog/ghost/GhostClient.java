package coop.roseash.blog.ghost;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads a Ghost site through its Content or Admin API ({@link GhostAccess}), page by page, following
 * {@code meta.pagination.next}. Every request is bounded by a timeout; a non-200 answer is an error naming it,
 * with Ghost's own message ({@code errors[0].message}) when it sent one.
 */
final class GhostClient {

    static final int PAGE_SIZE = 50;
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final String baseUrl;
    private final GhostAccess access;
    private final ObjectMapper json;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    GhostClient(String baseUrl, GhostAccess access, ObjectMapper json) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.access = access;
        this.json = json;
    }

    /** Every item of a resource ({@code posts}, {@code pages}, {@code tags}, {@code users}...), one page at a time. */
    void each(String resource, String extraQuery, Consumer<List<JsonNode>> onPage) throws IOException, InterruptedException {
        for (int page = 1; page > 0; ) {
            JsonNode body = get(resource, extraQuery, page, PAGE_SIZE);
            List<JsonNode> items = new ArrayList<>();
            body.path(resource).forEach(items::add);
            onPage.accept(items);
            JsonNode next = body.path("meta").path("pagination").path("next");
            page = next.isInt() ? next.asInt() : 0;
        }
    }

    /** The total number of items of a resource (from the first page's pagination), for progress. */
    int total(String resource) throws IOException, InterruptedException {
        return get(resource, "", 1, 1).path("meta").path("pagination").path("total").asInt(0);
    }

    private JsonNode get(String resource, String extraQuery, int page, int limit) throws IOException, InterruptedException {
        StringBuilder url = new StringBuilder(baseUrl).append(access.apiPath()).append(resource).append("/?limit=")
                .append(limit).append("&page=").append(page);
        for (String q : new String[] {access.query(), extraQuery}) {
            if (!q.isEmpty()) {
                url.append('&').append(q);
            }
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url.toString())).timeout(TIMEOUT)
                .header("Accept", "application/json").header("Accept-Version", "v5.0").GET();
        access.authorize(request);
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 401 || response.statusCode() == 403) {
            throw new IOException("Ghost refused the " + access.name() + " key (" + response.statusCode()
                    + ghostMessage(response.body()) + "). Check " + access.configKey() + " against Ghost's Integrations page.");
        }
        if (response.statusCode() != 200) {
            throw new IOException("Ghost answered " + response.statusCode() + ghostMessage(response.body()) + " for "
                    + resource + " page " + page);
        }
        return json.readTree(response.body());
    }

    /** ": message" from Ghost's error body ({@code {"errors":[{"message":...}]}}), or "" when there is none. */
    private String ghostMessage(String body) {
        try {
            JsonNode message = json.readTree(body).path("errors").path(0).path("message");
            return message.isTextual() ? ": " + message.asText() : "";
        } catch (JsonProcessingException e) {
            return "";
        }
    }
}
