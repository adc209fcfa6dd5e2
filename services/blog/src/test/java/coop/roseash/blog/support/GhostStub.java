package coop.roseash.blog.support;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * A local Ghost: WireMock on a free loopback port answering the Content API with recorded-shape responses
 * from {@code src/test/resources/ghost/}; only requests with the right key are answered.
 */
public class GhostStub implements QuarkusTestResourceLifecycleManager {

    public static final String CONTENT_KEY = "22444f78447824223cefc48062";
    public static final String WEBHOOK_SECRET = "ghost-webhook-secret-for-tests";
    private static WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        stub("tags", null, "tags.json");
        stub("authors", null, "authors.json");
        stub("posts", "1", "posts-1.json");
        stub("posts", "2", "posts-2.json");
        stub("pages", null, "pages.json");
        return Map.of("roseash.blog.ghost.url", server.baseUrl(),
                "roseash.blog.ghost.content-key", CONTENT_KEY,
                "roseash.blog.ghost.webhook-secret", WEBHOOK_SECRET);
    }

    private static void stub(String resource, String page, String file) {
        MappingBuilder request = get(urlPathEqualTo("/ghost/api/content/" + resource + "/"))
                .withQueryParam("key", equalTo(CONTENT_KEY));
        if (page != null) {
            request = request.withQueryParam("page", equalTo(page));
        }
        server.stubFor(request.willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json; charset=utf-8").withBody(read(file))));
    }

    static String read(String file) {
        try (InputStream in = GhostStub.class.getResourceAsStream("/ghost/" + file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Requests the stub received for a Content API resource (to prove the key and paging were used). */
    public static int requestsFor(String resource) {
        return server.findAll(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                urlPathEqualTo("/ghost/api/content/" + resource + "/"))).size();
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
