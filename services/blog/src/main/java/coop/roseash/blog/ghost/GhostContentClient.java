package coop.roseash.blog.ghost;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads a Ghost site through its Content API ({@code /ghost/api/content/...?key=...}), page by page, following
 * {@code meta.pagination.next}. Every request is bounded by a timeout; a non-200 answer is an error naming it.
 */
final class GhostContentClient {

    static final int PAGE_SIZE = 50;
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final String baseUrl;
    private final String key;
    private final ObjectMapper json;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    GhostContentClient(String baseUrl, String key, ObjectMapper json) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.key = key;
        this.json = json;
    }

    /** Every item of a resource ({@code posts}, {@code pages}, {@code tags}, {@code authors}), one page at a time. */
    void each(String resource, String extraQuery, Consumer<List<JsonNode>> onPage) throws IOException, InterruptedException {
        for (int page = 1; page > 0; ) {
            JsonNode body = get(resource, extraQuery, page);
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

    private JsonNode get(String resource, String extraQuery, int page) throws IOException, InterruptedException {
        return get(resource, extraQuery, page, PAGE_SIZE);
    }

    private JsonNode get(String resource, String extraQuery, int page, int limit) throws IOException, InterruptedException {
        String url = baseUrl + "/ghost/api/content/" + resource + "/?key=" + URLEncoder.encode(key, StandardCharsets.UTF_8)
                + "&limit=" + limit + "&page=" + page + (extraQuery.isEmpty() ? "" : "&" + extraQuery);
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
                .header("Accept", "application/json").header("Accept-Version", "v5.0").GET().build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("Ghost answered " + response.statusCode() + " for " + resource + " page " + page);
        }
        return json.readTree(response.body());
    }
}
