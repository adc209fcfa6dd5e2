package coop.roseash.shared.activitypub;

import com.fasterxml.jackson.databind.JsonNode;
import coop.roseash.shared.model.federation.RemoteActor;
import coop.roseash.shared.richtext.RichTextSanitizer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

/**
 * Actors of other servers, cached in {@code remote_actors}: fetched (signed GET) when first seen or when their cached
 * copy is older than {@code actor-cache-ttl}, and again when a signature does not verify with the cached key. Also the
 * key resolver of incoming signatures.
 */
@ApplicationScoped
public class RemoteActors implements KeyResolver {

    private final RemoteFetcher fetcher;
    private final ActorUrls urls;
    private final LocalActors locals;
    private final ActivityPubConfig config;

    RemoteActors(RemoteFetcher fetcher, ActorUrls urls, LocalActors locals, ActivityPubConfig config) {
        this.fetcher = fetcher;
        this.urls = urls;
        this.locals = locals;
        this.config = config;
    }

    /** A remote actor as the platform's pages and handlers use it. */
    public record Remote(long id, String uri, String inbox, String sharedInbox, String username, String domain,
                         String displayName, String summary, String iconUrl) {
        /** Where deliveries go: the shared inbox when the server has one. */
        public String deliveryInbox() {
            return sharedInbox != null && !sharedInbox.isBlank() ? sharedInbox : inbox;
        }

        public String handle() {
            return "@" + (username == null ? "?" : username) + "@" + domain;
        }
    }

    @Override
    public OwnedKey resolve(String keyId, boolean refresh) throws SignatureRefused {
        if (keyId == null || keyId.isBlank()) {
            throw new SignatureRefused("the signature names no key");
        }
        Optional<ActorUrls.LocalRef> local = urls.parse(keyId);
        if (local.isPresent()) {
            LocalActor actor = locals.find(local.get().service(), local.get().username())
                    .orElseThrow(() -> new SignatureRefused("no actor has the key " + keyId));
            return new OwnedKey(ActorKeys.publicKey(actor.publicKeyPem()), urls.actor(actor.service(), actor.username()));
        }
        RemoteActor cached = refresh ? null : QuarkusTransaction.requiringNew().call(() -> RemoteActor
                .<RemoteActor>find("publicKeyId = ?1 or actorUri = ?1", keyId).firstResult());
        if (cached == null || cached.publicKeyPem == null || stale(cached)) {
            try {
                Remote fetched = fetch(withoutFragment(keyId));
                cached = QuarkusTransaction.requiringNew().call(() -> RemoteActor.findById(fetched.id()));
            } catch (RemoteFetchRefused e) {
                throw new SignatureRefused("the key " + keyId + " cannot be fetched: " + e.getMessage(), e);
            }
        }
        if (cached.publicKeyPem == null || !(keyId.equals(cached.publicKeyId) || keyId.equals(cached.actorUri))) {
            throw new SignatureRefused("the actor of " + keyId + " does not publish that key");
        }
        try {
            return new OwnedKey(ActorKeys.publicKey(cached.publicKeyPem), cached.actorUri);
        } catch (IllegalArgumentException e) {
            throw new SignatureRefused("the key " + keyId + " cannot be read", e);
        }
    }

    /** The cached actor, or fetched when not cached. */
    public Remote get(String actorUri) throws RemoteFetchRefused {
        Optional<Remote> cached = cached(actorUri);
        return cached.isPresent() ? cached.get() : fetch(actorUri);
    }

    public Optional<Remote> cached(String actorUri) {
        return QuarkusTransaction.requiringNew().call(() -> RemoteActor.<RemoteActor>find("actorUri", actorUri)
                .firstResultOptional().map(RemoteActors::toRemote));
    }

    /** Finds {@code @user@host} (or {@code user@host}) by WebFinger and fetches its actor. */
    public Remote lookup(String handle) throws RemoteFetchRefused {
        String h = handle == null ? "" : handle.trim();
        if (h.startsWith("@")) {
            h = h.substring(1);
        }
        int at = h.indexOf('@');
        if (at <= 0 || at == h.length() - 1 || h.indexOf('@', at + 1) >= 0) {
            throw new RemoteFetchRefused("write a handle as @name@host");
        }
        String host = h.substring(at + 1);
        String scheme = config.allowPrivateAddresses() && (host.startsWith("127.") || host.startsWith("localhost")
                || host.endsWith(".localhost") || host.contains(".localhost:")) ? "http" : "https";
        JsonNode jrd = fetcher.getJson(scheme + "://" + host + "/.well-known/webfinger?resource="
                + URLEncoder.encode("acct:" + h, StandardCharsets.UTF_8), "application/jrd+json, application/json");
        for (JsonNode link : jrd.path("links")) {
            if ("self".equals(link.path("rel").asText()) && link.path("type").asText().contains("json")
                    && link.hasNonNull("href")) {
                return fetch(link.path("href").asText());
            }
        }
        throw new RemoteFetchRefused(h + " has no ActivityPub actor");
    }

    /** Fetches an actor document and stores it; its id must be the address fetched (no actor speaks for another). */
    public Remote fetch(String actorUri) throws RemoteFetchRefused {
        JsonNode doc = fetcher.getJson(actorUri);
        String id = doc.path("id").asText(null);
        String inbox = doc.path("inbox").asText(null);
        if (id == null || inbox == null || !sameOrigin(id, actorUri)) {
            throw new RemoteFetchRefused(actorUri + " is not an actor document");
        }
        JsonNode key = doc.path("publicKey");
        if (key.isArray()) {
            key = key.path(0);
        }
        String keyId = key.path("id").asText(null);
        String keyPem = key.path("publicKeyPem").asText(null);
        if (keyId != null && (!sameOrigin(keyId, id) || !id.equals(key.path("owner").asText(id)))) {
            keyId = null;
            keyPem = null;
        }
        String sharedInbox = doc.path("endpoints").path("sharedInbox").asText(null);
        String username = doc.path("preferredUsername").asText(null);
        String name = doc.path("name").asText(null);
        String summary = doc.hasNonNull("summary") ? RichTextSanitizer.sanitize(doc.path("summary").asText()) : null;
        String icon = doc.path("icon").isObject() ? doc.path("icon").path("url").asText(null) : null;
        String domain = URI.create(id).getPort() < 0 ? URI.create(id).getHost() : URI.create(id).getHost() + ":" + URI.create(id).getPort();
        String publicKeyId = keyId;
        String publicKeyPem = keyPem;
        return QuarkusTransaction.requiringNew().call(() -> {
            RemoteActor actor = RemoteActor.<RemoteActor>find("actorUri", id).firstResult();
            if (actor == null) {
                actor = new RemoteActor();
                actor.actorUri = id;
            }
            actor.inboxUrl = inbox;
            actor.sharedInboxUrl = sharedInbox;
            actor.preferredUsername = username;
            actor.domain = domain;
            actor.displayName = name;
            actor.summary = summary;
            actor.iconUrl = icon;
            actor.publicKeyId = publicKeyId;
            actor.publicKeyPem = publicKeyPem;
            actor.fetchedAt = Instant.now();
            actor.persistAndFlush();
            return toRemote(actor);
        });
    }

    private boolean stale(RemoteActor actor) {
        return actor.fetchedAt.isBefore(Instant.now().minus(config.actorCacheTtl()));
    }

    static boolean sameOrigin(String a, String b) {
        try {
            URI x = URI.create(a);
            URI y = URI.create(b);
            return x.getScheme() != null && x.getScheme().equalsIgnoreCase(y.getScheme()) && x.getHost() != null
                    && x.getHost().equalsIgnoreCase(y.getHost()) && x.getPort() == y.getPort();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String withoutFragment(String uri) {
        int hash = uri.indexOf('#');
        return hash < 0 ? uri : uri.substring(0, hash);
    }

    static Remote toRemote(RemoteActor a) {
        return new Remote(a.id, a.actorUri, a.inboxUrl, a.sharedInboxUrl, a.preferredUsername, a.domain, a.displayName,
                a.summary, a.iconUrl);
    }
}
