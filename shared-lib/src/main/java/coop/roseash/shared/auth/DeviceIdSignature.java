package coop.roseash.shared.auth;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Signs the anonymous device id federation hands to the other services ({@code ID.HMAC}), so a
 * service only adopts device ids federation issued. Key: {@code roseash.device-id-secret}
 * ({@code ROSEASH_DEVICE_ID_SECRET}, shared by every service).
 */
@ApplicationScoped
public class DeviceIdSignature {
    private static final Logger LOG = Logger.getLogger(DeviceIdSignature.class);
    private static final Pattern DEVICE_ID = Pattern.compile("[0-9a-f-]{36}");

    private final SecretKeySpec key;

    DeviceIdSignature(@ConfigProperty(name = "roseash.device-id-secret") Optional<String> secret) {
        byte[] bytes;
        if (secret.isPresent() && !secret.get().isBlank()) {
            bytes = secret.get().getBytes(StandardCharsets.UTF_8);
        } else {
            LOG.warn("roseash.device-id-secret is not set: device ids are signed with a per-process key");
            bytes = new byte[32];
            new SecureRandom().nextBytes(bytes);
        }
        key = new SecretKeySpec(bytes, "HmacSHA256");
    }

    public String sign(String deviceId) {
        return deviceId + "." + mac(deviceId);
    }

    /** The device id inside a signed value, or empty when the value was not signed with our key. */
    public Optional<String> verify(String signed) {
        if (signed == null) {
            return Optional.empty();
        }
        int dot = signed.indexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        String id = signed.substring(0, dot);
        boolean ok = DEVICE_ID.matcher(id).matches() && MessageDigest.isEqual(
                mac(id).getBytes(StandardCharsets.US_ASCII), signed.substring(dot + 1).getBytes(StandardCharsets.US_ASCII));
        return ok ? Optional.of(id) : Optional.empty();
    }

    private String mac(String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
