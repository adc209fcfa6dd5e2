package coop.roseash.blog.support;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.matching.MatchResult;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.jwt.consumer.JwtContext;
import org.jose4j.keys.HmacKey;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * A local Ghost: WireMock on a free loopback port answering the Content API (only with the right key) and the
 * Admin API (only with a valid token: HS256 under the Admin key's secret, {@code kid} = its id, audience
 * {@code /admin/}, unexpired, at most five minutes long) with recorded-shape responses from
 * {@code src/test/resources/ghost/}; anything else gets Ghost's 401 error body.
 */
public class GhostStub implements QuarkusTestResourceLifecycleManager {

    public static final String CONTENT_KEY = "22444f78447824223cefc48062";
    public static final String ADMIN_KEY_ID = "6489a1b2c3d4e5f60718293a";
    /** A made-up test secret (Ghost's are 32 random bytes in hex); nothing real uses it. */
    public static final String ADMIN_SECRET = "5d3f0c1a9e8b7d6c5b4a39281706f5e4d3c2b1a09f8e7d6c5b4a392817060f1e";
    public static final String ADMIN_KEY = ADMIN_KEY_ID + ":" + ADMIN_SECRET;
    public static final String WEBHOOK_SECRET = "ghost-webhook-secret-for-tests";
    private static final String ADMIN = "/ghost/api/admin/";
    private static final String CONTENT = "/ghost/api/content/";
    private static WireMockServer server;
    private static volatile String acceptedSecret = ADMIN_SECRET;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        content("tags", null, "tags.json");
        content("authors", null, "authors.json");
        content("posts", "1", "posts-1.json");
        content("posts", "2", "posts-2.json");
        content("pages", null, "pages.json");
        admin("tags", null, "tags.json");
        admin("users", null, "admin-users.json");
        admin("posts", "1", "admin-posts-1.json");
        admin("posts", "2", "admin-posts-2.json");
        admin("pages", null, "admin-pages.json");
        refuse(CONTENT, "Unknown Content API Key", "UNKNOWN_CONTENT_API_KEY");
        refuse(ADMIN, "Invalid token: invalid signature", "INVALID_JWT");
        return Map.of("roseash.blog.ghost.url", server.baseUrl(),
                "roseash.blog.ghost.content-key", CONTENT_KEY,
                "roseash.blog.ghost.admin-key", ADMIN_KEY,
                "roseash.blog.ghost.webhook-secret", WEBHOOK_SECRET);
    }

    private static void content(String resource, String page, String file) {
        serve(get(urlPathEqualTo(CONTENT + resource + "/")).withQueryParam("key", equalTo(CONTENT_KEY)), page, file);
    }

    private static void admin(String resource, String page, String file) {
        serve(get(urlPathEqualTo(ADMIN + resource + "/")).andMatching(GhostStub::validAdminToken), page, file);
    }

    private static void serve(MappingBuilder request, String page, String file) {
        if (page != null) {
            request = request.withQueryParam("page", equalTo(page));
        }
        server.stubFor(request.atPriority(1).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json; charset=utf-8").withBody(read(file))));
    }

    /** What Ghost answers a request it does not accept, below every stub that does. */
    private static void refuse(String api, String message, String code) {
        server.stubFor(any(urlPathMatching(api + ".*")).atPriority(10).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json; charset=utf-8")
                .withBody("{\"errors\":[{\"message\":\"" + message + "\",\"context\":null,\"type\":\"UnauthorizedError\","
                        + "\"details\":null,\"property\":null,\"help\":null,\"code\":\"" + code + "\","
                        + "\"id\":\"0d9a1f30-0000-4000-8000-000000000401\",\"ghostErrorCode\":null}]}")));
    }

    /** Ghost's check of {@code Authorization: Ghost <jwt>}, against the secret it currently accepts. */
    private static MatchResult validAdminToken(Request request) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.startsWith("Ghost ")) {
            return MatchResult.noMatch();
        }
        try {
            JwtContext token = new JwtConsumerBuilder()
                    .setRequireIssuedAt().setRequireExpirationTime().setExpectedAudience("/admin/")
                    .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, AlgorithmIdentifiers.HMAC_SHA256)
                    .setVerificationKey(new HmacKey(HexFormat.of().parseHex(acceptedSecret)))
                    .build().process(header.substring("Ghost ".length()));
            JwtClaims claims = token.getJwtClaims();
            boolean fiveMinutesAtMost = claims.getExpirationTime().getValue() - claims.getIssuedAt().getValue() <= 300;
            return MatchResult.of(ADMIN_KEY_ID.equals(token.getJoseObjects().get(0).getKeyIdHeaderValue()) && fiveMinutesAtMost);
        } catch (InvalidJwtException | MalformedClaimException e) {
            return MatchResult.noMatch();
        }
    }

    /** Makes Ghost accept another Admin key secret (as if the key were regenerated there); null restores the test key. */
    public static void acceptAdminSecret(String hexSecret) {
        acceptedSecret = hexSecret == null ? ADMIN_SECRET : hexSecret;
    }

    public static String baseUrl() {
        return server.baseUrl();
    }

    static String read(String file) {
        try (InputStream in = GhostStub.class.getResourceAsStream("/ghost/" + file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Requests the stub received for a resource of the {@code admin} or {@code content} API (to prove which was used). */
    public static int requestsFor(String api, String resource) {
        return server.findAll(getRequestedFor(urlPathEqualTo("/ghost/api/" + api + "/" + resource + "/"))).size();
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
