package coop.roseash.federation.activitypub;

import com.fasterxml.jackson.databind.ObjectMapper;
import coop.roseash.shared.activitypub.ActorUrls;
import coop.roseash.shared.activitypub.KeySeal;
import coop.roseash.shared.activitypub.LocalActor;
import coop.roseash.shared.activitypub.LocalActors;
import coop.roseash.shared.activitypub.Outbox;
import coop.roseash.shared.bus.ActivityHandler;
import coop.roseash.shared.bus.ReceivedActivity;
import coop.roseash.shared.bus.Visibility;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns the platform's public activities on the event bus into ActivityPub: a post published, edited or deleted on
 * the blog becomes {@code Create}/{@code Update}/{@code Delete} of an {@code Article} from the blog's own actor
 * ({@code @blog@blog.{domain}}), a public event entry {@code Create}/{@code Delete} of an {@code Event} from events'
 * actor; each is queued for that actor's followers in the bus handler's transaction, so a retry or a restart neither
 * loses nor doubles it.
 */
@ApplicationScoped
public class PublicActivityFederation implements ActivityHandler {

    private static final Set<String> ORIGINS = Set.of("blog", "events", "market");

    private static final Logger LOG = Logger.getLogger(PublicActivityFederation.class);

    private final LocalActors actors;
    private final ActorUrls urls;
    private final Outbox outbox;
    private final ObjectMapper json;
    private final KeySeal seal;

    PublicActivityFederation(LocalActors actors, ActorUrls urls, Outbox outbox, ObjectMapper json, KeySeal seal) {
        this.seal = seal;
        this.actors = actors;
        this.urls = urls;
        this.outbox = outbox;
        this.json = json;
    }

    @Override
    public Set<String> handles() {
        return Set.of("Create", "Update", "Delete");
    }

    @Override
    @SuppressWarnings("unchecked")
    public void handle(ReceivedActivity activity) throws Exception {
        if (activity.visibility() != Visibility.PUBLIC || !ORIGINS.contains(activity.originService())) {
            return;
        }
        if (!seal.available()) {
            // no actor can sign without the sealing key: nothing is federated (retrying would only fail again)
            LOG.warnf("ActivityPub: %s %d not federated: roseash.activitypub.key-encryption-key is not set",
                    activity.type(), activity.id());
            return;
        }
        Map<String, Object> object = json.readValue(activity.objectJson(), LinkedHashMap.class);
        if (!(object.get("id") instanceof String)) {
            return;
        }
        LocalActor actor = actors.serviceActor(activity.originService());
        String actorUri = urls.actor(actor.service(), actor.username());
        String followers = actorUri + "/followers";
        Map<String, Object> apObject = new LinkedHashMap<>();
        if ("Delete".equals(activity.type())) {
            apObject.put("id", object.get("id"));
            apObject.put("type", "Tombstone");
        } else {
            object.forEach((key, value) -> {
                if (!key.contains(":") && value != null) {
                    apObject.put(key, value);
                }
            });
            apObject.put("attributedTo", actorUri);
            apObject.put("to", List.of(Outbox.PUBLIC));
            apObject.put("cc", List.of(followers));
            if ("Update".equals(activity.type())) {
                apObject.put("updated", Instant.now().toString());
            }
        }
        Map<String, Object> ap = outbox.activity(actor, activity.type(), apObject);
        ap.put("to", List.of(Outbox.PUBLIC));
        ap.put("cc", List.of(followers));
        ap.put("published", activity.createdAt() == null ? Instant.now().toString() : activity.createdAt().toString());
        outbox.send(actor, ap, true, List.of());
    }
}
