package coop.roseash.shared.contracts.account;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import coop.roseash.shared.bus.ReceivedActivity;
import coop.roseash.shared.bus.Visibility;

import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The event-bus activity account publishes when a member confirmed the deletion of their account (by the link mailed
 * to them): every service that holds personal data about the member erases it, or anonymises what must be kept
 * ({@link MemberDeletedHandler}; docs/decisions.md, "Account deletion"). Object:
 * {@code {"type":"member.deleted","user_id":N}} and nothing else, so the bus itself keeps no personal data.
 */
public final class MemberDeleted {

    /** The activity type. */
    public static final String TYPE = "member.deleted";

    /** The neutral name content keeps when its author's account is deleted. */
    public static final String FORMER_MEMBER = "Former member";

    private static final ObjectMapper JSON = new ObjectMapper();

    private MemberDeleted() {
    }

    /** The activity's object for member {@code userId}. */
    public static Map<String, Object> object(long userId) {
        return Map.of("type", TYPE, "user_id", userId);
    }

    /** The member an activity's object names, or empty when it names none. */
    public static OptionalLong userId(String objectJson) throws IOException {
        JsonNode user = JSON.readTree(objectJson).get("user_id");
        return user != null && user.canConvertToLong() ? OptionalLong.of(user.asLong()) : OptionalLong.empty();
    }

    /** The activity as a service's handler receives it (what tests hand a handler). */
    public static ReceivedActivity received(long userId) {
        return new ReceivedActivity(0, TYPE, "users/" + userId, "{\"type\":\"" + TYPE + "\",\"user_id\":" + userId + "}",
                "account", Visibility.INTERNAL, Instant.now(), 1);
    }
}
