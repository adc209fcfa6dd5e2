package coop.roseash.shared.activitypub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

/**
 * Receives one POSTed activity: verifies its signature, refuses a replayed signature and an actor who is not the
 * signer (401, nothing changed), skips an activity id already handled (idempotent), then lets
 * {@link InboxActivities} apply it in one transaction with the idempotency mark. Unknown types are accepted and
 * ignored.
 */
@ApplicationScoped
public class InboxProcessor {

    private static final Logger LOG = Logger.getLogger(InboxProcessor.class);

    private static final String MARK = "INSERT INTO ap_inbox_seen (key) VALUES (?1) ON CONFLICT DO NOTHING";

    private final RemoteActors remotes;
    private final ActivityPubConfig config;
    private final ObjectMapper json;
    private final EntityManager em;
    private final InboxActivities activities;

    InboxProcessor(RemoteActors remotes, ActivityPubConfig config, ObjectMapper json, EntityManager em,
                   InboxActivities activities) {
        this.remotes = remotes;
        this.config = config;
        this.json = json;
        this.em = em;
        this.activities = activities;
    }

    public Response receive(SignedRequest request) {
        SignatureVerifier.Verified verified;
        try {
            verified = new SignatureVerifier(remotes, config.maxSignatureAge(), config.maxClockSkew()).verify(request, Instant.now());
        } catch (SignatureRefused e) {
            LOG.infof("ActivityPub: refused a POST to %s: %s", request.pathAndQuery(), e.getMessage());
            return refuse(e.getMessage());
        }
        JsonNode activity;
        try {
            activity = json.readTree(request.body());
        } catch (IOException e) {
            return Response.status(400).type("text/plain").entity("the body is not JSON").build();
        }
        if (activity == null || !activity.isObject()) {
            return Response.status(400).type("text/plain").entity("the body is not an activity").build();
        }
        String actor = idOf(activity.get("actor"));
        if (actor == null || !actor.equals(verified.owner())) {
            return refuse("the activity's actor is not the signer");
        }
        String signatureKey = "signature:" + sha256(verified.signatureText());
        boolean fresh = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(MARK)
                .setParameter(1, signatureKey).executeUpdate() == 1);
        if (!fresh) {
            return refuse("this signed request was already received (replay)");
        }
        String id = idOf(activity.get("id"));
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                if (id != null && em.createNativeQuery(MARK).setParameter(1, "activity:" + id).executeUpdate() == 0) {
                    return; // handled before
                }
                activities.apply(activity, actor);
            });
        } catch (RuntimeException e) {
            LOG.warnf(e, "ActivityPub: could not apply %s from %s", id, actor);
            // the sender retries with a new signature; the activity's mark rolled back with the work
            return Response.status(500).type("text/plain").entity("the activity could not be handled").build();
        }
        return Response.accepted().build();
    }

    private static Response refuse(String reason) {
        return Response.status(401).type("application/json").header("WWW-Authenticate", "Signature")
                .entity(Map.of("error", reason)).build();
    }

    /** The id of a value that is an address or an object with an id. */
    static String idOf(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isTextual()) {
            return node.asText();
        }
        return node.hasNonNull("id") && node.get("id").isTextual() ? node.get("id").asText() : null;
    }

    private static String sha256(String text) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
