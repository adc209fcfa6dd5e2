package coop.roseash.shared.bus;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import coop.roseash.shared.model.activity.ApActivity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Writes activities to the event bus in the caller's transaction: the {@code ap_activities} row and
 * one pending delivery for every service subscribed to the type at that moment.
 */
@ApplicationScoped
public class ActivityPublisher {

    private static final String INSERT_DELIVERIES = """
            INSERT INTO activity_deliveries (activity_id, service)
            SELECT DISTINCT ?1, s.service FROM activity_subscriptions s
            WHERE s.activity_type = ?2 OR s.activity_type = '*'""";

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    @ConfigProperty(name = "roseash.service.name")
    String serviceName;

    /**
     * Publishes an activity whose object is JSON text.
     *
     * @return the activity's id
     * @throws IllegalArgumentException when a field is blank or {@code objectJson} is not JSON
     * @throws jakarta.transaction.TransactionalException when called outside a transaction
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public long publish(String type, String actor, String objectJson, String originService, Visibility visibility) {
        ApActivity activity = new ApActivity();
        activity.type = requireText("type", type);
        activity.actor = requireText("actor", actor);
        activity.object = requireJson(objectJson);
        activity.originService = requireText("originService", originService);
        activity.visibility = visibility == null ? Visibility.INTERNAL : visibility;
        activity.persistAndFlush();
        em.createNativeQuery(INSERT_DELIVERIES)
                .setParameter(1, activity.id)
                .setParameter(2, activity.type)
                .executeUpdate();
        return activity.id;
    }

    /**
     * Publishes an activity from this service ({@code roseash.service.name}), its object serialized
     * with Jackson (a map, a record...). Pass JSON text through the five-argument form instead.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public long publish(String type, String actor, Object object, Visibility visibility) {
        if (object == null || object instanceof CharSequence) {
            throw new IllegalArgumentException("object must be a value to serialize; pass JSON text to "
                    + "publish(type, actor, objectJson, originService, visibility)");
        }
        try {
            return publish(type, actor, json.writeValueAsString(object), serviceName, visibility);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("object cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
    }

    private String requireJson(String objectJson) {
        requireText("objectJson", objectJson);
        try {
            json.readTree(objectJson);
            return objectJson;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("objectJson is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static String requireText(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value;
    }
}
