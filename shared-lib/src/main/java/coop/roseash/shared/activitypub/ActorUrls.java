package coop.roseash.shared.activitypub;

import coop.roseash.shared.config.ServiceUrls;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * Where every local actor lives: {@code {service public URL}/users/{username}} with its inbox, outbox, followers and
 * following below it, the service's shared inbox at {@code /inbox}. Only blog, market, events and federation serve
 * ActivityPub.
 */
@ApplicationScoped
public class ActorUrls {

    /** The services that have actors, in the order federation's actor lists its views. */
    public static final List<String> SERVICES = List.of("federation", "blog", "market", "events");

    private final ServiceUrls urls;

    ActorUrls(ServiceUrls urls) {
        this.urls = urls;
    }

    /** Whether this process serves ActivityPub. */
    public boolean servedHere() {
        return SERVICES.contains(urls.self());
    }

    public String self() {
        return urls.self();
    }

    public String base(String service) {
        return urls.publicUrl(service);
    }

    /** The host (with port, if any) of a service's public URL: the domain of its {@code acct:} handles. */
    public String host(String service) {
        URI uri = URI.create(base(service));
        return uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
    }

    public String actor(String service, String username) {
        return base(service) + "/users/" + username;
    }

    public String keyId(String service, String username) {
        return actor(service, username) + "#main-key";
    }

    public String sharedInbox(String service) {
        return base(service) + "/inbox";
    }

    /** A new activity id under an actor: {@code {actor}/activities/{uuid}}. */
    public String newActivityId(String service, String username) {
        return actor(service, username) + "/activities/" + java.util.UUID.randomUUID();
    }

    /** The local actor an address names ({@code .../users/{name}} on one of our services), if it is ours. */
    public Optional<LocalRef> parse(String actorUri) {
        if (actorUri == null) {
            return Optional.empty();
        }
        for (String service : SERVICES) {
            String prefix = base(service) + "/users/";
            if (actorUri.startsWith(prefix)) {
                String rest = actorUri.substring(prefix.length());
                int end = rest.indexOf('/');
                int hash = rest.indexOf('#');
                int cut = end < 0 ? hash : hash < 0 ? end : Math.min(end, hash);
                String name = cut < 0 ? rest : rest.substring(0, cut);
                if (UsernameRules.wellFormed(name)) {
                    return Optional.of(new LocalRef(service, name));
                }
            }
        }
        return Optional.empty();
    }

    /** One of our actors by service and username. */
    public record LocalRef(String service, String username) {
    }
}
