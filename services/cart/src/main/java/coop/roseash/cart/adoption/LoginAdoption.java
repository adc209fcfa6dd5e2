package coop.roseash.cart.adoption;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import coop.roseash.shared.auth.LoginActivity;
import coop.roseash.shared.bus.ActivityHandler;
import coop.roseash.shared.bus.ReceivedActivity;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;

/**
 * Hears every sign-in ({@link LoginActivity}, published on the event bus by whichever service the member signed in
 * through) and adopts the device's cart. The bus hands each delivery to one replica, in a transaction the adoption
 * joins; a retry after a failure finds the lines where they were.
 */
@ApplicationScoped
public class LoginAdoption implements ActivityHandler {

    private final DeviceCartAdoption adoption;
    private final ObjectMapper json;

    LoginAdoption(DeviceCartAdoption adoption, ObjectMapper json) {
        this.adoption = adoption;
        this.json = json;
    }

    @Override
    public Set<String> handles() {
        return Set.of(LoginActivity.TYPE);
    }

    @Override
    public void handle(ReceivedActivity activity) throws Exception {
        JsonNode login = json.readTree(activity.objectJson());
        JsonNode device = login.get("device_id");
        JsonNode user = login.get("user_id");
        if (device == null || !device.isTextual() || device.asText().isBlank() || user == null || !user.canConvertToLong()) {
            return; // signed in without an anonymous cart before it
        }
        adoption.adopt(user.asLong(), device.asText());
    }
}
