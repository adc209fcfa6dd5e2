package coop.roseash.shared.activitypub;

import java.security.PublicKey;

/** Finds the public key a signature names, from a cache or, with {@code refresh}, fetched anew (key rotation). */
public interface KeyResolver {

    /** The key and the actor that owns it. */
    record OwnedKey(PublicKey key, String owner) {
    }

    OwnedKey resolve(String keyId, boolean refresh) throws SignatureRefused;
}
