package coop.roseash.shared.fragments;

import coop.roseash.shared.fragments.catalogue.FragmentSpec;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpRequest;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

/**
 * Fetches fragments from the services that provide them: from the Redis cache when fresh, otherwise over signed HTTP
 * to the provider's internal URL ({@code roseash.services.PROVIDER.internal-url}). Every fetch is bounded by
 * {@code roseash.fragments.timeout-ms} ({@link ProviderGuards}); a slow, failing or dead provider yields "" and never
 * an error, and one that keeps failing is skipped while its circuit breaker is open.
 */
@ApplicationScoped
public class FragmentClient {

    private static final Logger LOG = Logger.getLogger(FragmentClient.class);
    /** Without the internal secret no provider would accept a request; one failure value, warned about at start. */
    private static final FragmentFailure NO_SECRET = new FragmentFailure("roseash.internal.hmac-secret is not set");

    // the guard times the HTTP call out; this only bounds a cache look-up that hangs as well
    private static final long BACKSTOP_MS = 100;

    private final WebClient http;
    private final ProviderGuards guards;
    private final FragmentCache cache;
    private final FragmentsConfig config;
    private final Config platformConfig;
    private final Optional<InternalSignature> signature;

    public FragmentClient(Vertx vertx, ProviderGuards guards, FragmentCache cache, FragmentsConfig config, InternalAuthConfig auth,
                          Config platformConfig) {
        this.http = WebClient.create(vertx, new WebClientOptions()
                .setConnectTimeout(config.timeoutMs())
                .setKeepAlive(true)
                .setUserAgent("roseash-fragments"));
        this.guards = guards;
        this.cache = cache;
        this.config = config;
        this.platformConfig = platformConfig;
        this.signature = auth.hmacSecret().filter(secret -> !secret.isBlank()).map(InternalSignature::new);
        if (signature.isEmpty()) {
            LOG.warn("roseash.internal.hmac-secret is not set: every fragment will be empty");
        }
    }

    @PreDestroy
    void close() {
        http.close();
    }

    /** One fragment's HTML, or "" when the provider is slow (past the timeout), failing or unreachable. */
    public Uni<String> fetch(String provider, String type, FragmentParams params) {
        return fetch(new FragmentKey(provider, type, params));
    }

    /** One fragment's HTML, usually keyed by the catalogue ({@code FragmentCatalogue.NAV_TREE.key(params)}). */
    public Uni<String> fetch(FragmentKey key) {
        String provider = key.provider();
        String type = key.type();
        return cache.get(key)
                .onItem().ifNull().switchTo(() -> fetchFromProvider(key))
                .ifNoItem().after(timeout()).failWith(() -> new FragmentFailure("no answer within " + config.timeoutMs() + " ms"))
                .onFailure().recoverWithItem(failure -> {
                    shownEmpty(type, provider, failure);
                    cache.rememberFailure(key);
                    return "";
                });
    }

    /** Several fragments at once, concurrently, each bounded by the timeout; the result keeps the keys' order. */
    public Uni<Map<FragmentKey, String>> fetchAll(List<FragmentKey> keys) {
        if (keys.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        List<Uni<String>> fetches = new ArrayList<>();
        keys.forEach(key -> fetches.add(fetch(key)));
        return Uni.join().all(fetches).andFailFast().map(bodies -> {
            Map<FragmentKey, String> result = new LinkedHashMap<>();
            for (int i = 0; i < keys.size(); i++) {
                result.put(keys.get(i), bodies.get(i));
            }
            return result;
        });
    }

    /**
     * Several types from one provider in one request (the batch form), sharing the params; cached per type.
     * Types the provider does not answer come back as "".
     */
    public Uni<Map<String, String>> fetchBatch(String provider, List<FragmentSpec> specs, FragmentParams params) {
        List<String> types = specs.stream().map(spec -> spec.key(provider, params).type()).toList();
        return fetchBatchOfTypes(provider, types, params);
    }

    /** The batch form by type names, for callers that do not go through the catalogue (tests, the SX primitive). */
    public Uni<Map<String, String>> fetchBatchOfTypes(String provider, List<String> types, FragmentParams params) {
        List<FragmentKey> keys = types.stream().map(type -> new FragmentKey(provider, type, params)).toList();
        Uni<Map<String, String>> batch = Uni.join().all(keys.stream().map(cache::get).toList()).andFailFast()
                .flatMap(cached -> {
                    Map<String, String> found = new LinkedHashMap<>();
                    List<String> missing = new ArrayList<>();
                    for (int i = 0; i < keys.size(); i++) {
                        if (cached.get(i) == null) {
                            missing.add(types.get(i));
                        } else {
                            found.put(types.get(i), cached.get(i));
                        }
                    }
                    return missing.isEmpty() ? Uni.createFrom().item(found)
                            : fetchBatchFromProvider(provider, missing, params).map(fetched -> {
                                found.putAll(fetched);
                                return found;
                            });
                });
        return batch
                .ifNoItem().after(timeout()).failWith(() -> new FragmentFailure("no answer within " + config.timeoutMs() + " ms"))
                .onFailure().recoverWithItem(failure -> {
                    shownEmpty(types, provider, failure);
                    keys.forEach(cache::rememberFailure);
                    return Map.of();
                })
                .map(bodies -> {
                    Map<String, String> complete = new LinkedHashMap<>();
                    types.forEach(type -> complete.put(type, bodies.getOrDefault(type, "")));
                    return complete;
                });
    }

    private static void shownEmpty(Object types, String provider, Throwable failure) {
        if (failure == NO_SECRET) {
            // said once at start; a line per fetch would flood the log of a service run without fragments
            LOG.debugf("fragment %s from %s shown empty: %s", types, provider, failure.getMessage());
        } else {
            LOG.warnf("fragment %s from %s shown empty: %s", types, provider, failure.getMessage());
        }
    }

    private Uni<String> fetchFromProvider(FragmentKey key) {
        return send(key.provider(), key.path(), key.params().asQuery()).map(response -> {
            String html = response.bodyAsString();
            html = html == null ? "" : html;
            if (!html.isEmpty()) {
                // not awaited: the page should not wait for Redis to store what it already has
                cache.put(key, html).subscribe().with(ignored -> { });
            }
            return html;
        });
    }

    private Uni<Map<String, String>> fetchBatchFromProvider(String provider, List<String> types, FragmentParams params) {
        Map<String, List<String>> query = new TreeMap<>(params.asQuery());
        query.put("type", types);
        return send(provider, "/internal/fragments", query).map(response -> {
            Map<String, String> bodies = new LinkedHashMap<>();
            JsonObject json = response.bodyAsJsonObject();
            for (String type : types) {
                String html = json == null ? "" : json.getString(type, "");
                bodies.put(type, html);
                if (!html.isEmpty()) {
                    cache.put(new FragmentKey(provider, type, params), html).subscribe().with(ignored -> { });
                }
            }
            return bodies;
        });
    }

    private Uni<HttpResponse<Buffer>> send(String provider, String path, Map<String, List<String>> query) {
        InternalSignature signer = signature.orElseThrow(() -> NO_SECRET);
        String baseUrl = platformConfig.getOptionalValue("roseash.services." + provider + ".internal-url", String.class)
                .orElseThrow(() -> new FragmentFailure("roseash.services." + provider + ".internal-url is not configured"));
        long timestamp = Instant.now().getEpochSecond();
        HttpRequest<Buffer> request = http.getAbs(stripSlash(baseUrl) + path)
                .timeout(config.timeoutMs())
                .putHeader(InternalSignature.FRAGMENT_REQUEST_HEADER, "1")
                .putHeader(InternalSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
                .putHeader(InternalSignature.SIGNATURE_HEADER, signer.sign(provider, "GET", path, query, timestamp));
        query.forEach((name, values) -> values.forEach(value -> request.addQueryParam(name, value)));
        // inside the guard, so a non-200 counts against the provider's circuit breaker
        return guards.call(provider, () -> request.send().map(response -> {
            if (response.statusCode() != 200) {
                throw new FragmentFailure("HTTP " + response.statusCode() + " from " + provider + path);
            }
            return response;
        }));
    }

    private Duration timeout() {
        return Duration.ofMillis(config.timeoutMs() + BACKSTOP_MS);
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** Why a fragment came back empty (logged, never shown). */
    static final class FragmentFailure extends RuntimeException {
        FragmentFailure(String message) {
            super(message, null, false, false);
        }
    }
}
