package coop.roseash.shared.activitypub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/**
 * Talks to other fediverse servers: signed GETs of their documents and signed POSTs to their inboxes. Refuses
 * loopback, private, link-local and other non-public addresses unless {@code allow-private-addresses} is set (local
 * interop tests), reads at most {@code max-document-bytes}, gives up after {@code fetch-timeout}, and follows at most
 * {@code max-redirects} redirects, checking each new address.
 */
@ApplicationScoped
public class RemoteFetcher {

    public static final String ACTIVITY_JSON = "application/activity+json";
    private static final String ACCEPT = "application/activity+json, application/ld+json; profile=\"https://www.w3.org/ns/activitystreams\"";
    private static final String USER_AGENT = "RoseAsh/1.0 (ActivityPub)";

    private final ActivityPubConfig config;
    private final LocalActors actors;
    private final ActorUrls urls;
    private final ObjectMapper json;
    private final HttpClient client;

    RemoteFetcher(ActivityPubConfig config, LocalActors actors, ActorUrls urls, ObjectMapper json) {
        this.config = config;
        this.actors = actors;
        this.urls = urls;
        this.json = json;
        this.client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(config.fetchTimeout()).build();
    }

    /** GETs a JSON document, signed as this service's own actor. */
    public JsonNode getJson(String url) throws RemoteFetchRefused {
        return getJson(url, ACCEPT);
    }

    /** GETs a JSON document with the given Accept header (WebFinger wants {@code application/jrd+json}). */
    public JsonNode getJson(String url, String accept) throws RemoteFetchRefused {
        URI target = parse(url);
        LocalActor signer = actors.serviceActor(urls.servedHere() ? urls.self() : "federation");
        for (int redirects = 0; ; redirects++) {
            checkAddress(target);
            HttpRequest.Builder request = HttpRequest.newBuilder(target).timeout(config.fetchTimeout()).GET()
                    .header("Accept", accept).header("User-Agent", USER_AGENT);
            sign(request, "GET", target, null, signer);
            HttpResponse<InputStream> response = send(request.build(), target);
            int status = response.statusCode();
            if (status >= 300 && status < 400 && response.headers().firstValue("Location").isPresent()) {
                close(response);
                if (redirects >= config.maxRedirects()) {
                    throw new RemoteFetchRefused("too many redirects from " + url);
                }
                target = target.resolve(response.headers().firstValue("Location").get());
                continue;
            }
            byte[] body = read(response, target);
            if (status != 200) {
                throw new RemoteFetchRefused(target + " answered " + status);
            }
            try {
                return json.readTree(body);
            } catch (IOException e) {
                throw new RemoteFetchRefused(target + " did not answer JSON", e);
            }
        }
    }

    /** POSTs an activity to an inbox, signed by {@code signer}; the status code (the body is read and dropped). */
    public int post(String inbox, byte[] body, LocalActor signer) throws RemoteFetchRefused {
        URI target = parse(inbox);
        checkAddress(target);
        HttpRequest.Builder request = HttpRequest.newBuilder(target).timeout(config.fetchTimeout())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Content-Type", ACTIVITY_JSON).header("User-Agent", USER_AGENT);
        sign(request, "POST", target, body, signer);
        HttpResponse<InputStream> response = send(request.build(), target);
        read(response, target);
        return response.statusCode();
    }

    private void sign(HttpRequest.Builder request, String method, URI target, byte[] body, LocalActor signer) {
        Map<String, String> headers = CavageSignatures.sign(method, target, body,
                urls.keyId(signer.service(), signer.username()), actors.signingKey(signer.profileId()), Instant.now());
        // java.net.http sets Host itself (restricted header); it writes the same value the signature covers
        headers.forEach((name, value) -> {
            if (!"Host".equals(name)) {
                request.header(name, value);
            }
        });
    }

    private HttpResponse<InputStream> send(HttpRequest request, URI target) throws RemoteFetchRefused {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            // java.net.http's ConnectException and timeouts often carry no message: name what happened instead
            String why = e instanceof java.net.http.HttpTimeoutException ? "no answer within " + config.fetchTimeout().toSeconds() + " s"
                    : e instanceof java.net.ConnectException ? "connection refused"
                    : e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
            throw new RemoteFetchRefused(target + " could not be reached: " + why, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RemoteFetchRefused("interrupted while fetching " + target, e);
        }
    }

    private byte[] read(HttpResponse<InputStream> response, URI target) throws RemoteFetchRefused {
        try (InputStream in = response.body()) {
            byte[] body = in.readNBytes(config.maxDocumentBytes() + 1);
            if (body.length > config.maxDocumentBytes()) {
                throw new RemoteFetchRefused(target + " sent more than " + config.maxDocumentBytes() + " bytes");
            }
            return body;
        } catch (IOException e) {
            throw new RemoteFetchRefused("reading " + target + " failed: " + e.getMessage(), e);
        }
    }

    private static void close(HttpResponse<InputStream> response) {
        try {
            response.body().close();
        } catch (IOException ignored) {
            // the redirect's body is not needed
        }
    }

    private static URI parse(String url) throws RemoteFetchRefused {
        try {
            URI uri = URI.create(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("https") && !scheme.equals("http") || uri.getHost() == null) {
                throw new RemoteFetchRefused("not an http(s) address: " + url);
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new RemoteFetchRefused("not an address: " + url, e);
        }
    }

    /** Refuses addresses inside private networks (SSRF), unless configured for local tests. */
    void checkAddress(URI target) throws RemoteFetchRefused {
        if (config.allowPrivateAddresses()) {
            return;
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(target.getHost())) {
                if (!isPublic(address)) {
                    throw new RemoteFetchRefused(target.getHost() + " is a private or loopback address");
                }
            }
        } catch (UnknownHostException e) {
            throw new RemoteFetchRefused(target.getHost() + " does not resolve", e);
        }
    }

    static boolean isPublic(InetAddress address) {
        if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (b.length == 4) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            // 100.64/10 carrier-grade NAT, 0/8, 192.0.0/24, 198.18/15 benchmarking, 240/4 reserved
            return !(first == 0 || first == 100 && second >= 64 && second < 128 || first == 192 && second == 0 && (b[2] & 0xff) == 0
                    || first == 198 && (second == 18 || second == 19) || first >= 240);
        }
        // fc00::/7 unique local addresses
        return (b[0] & 0xfe) != 0xfc;
    }
}
