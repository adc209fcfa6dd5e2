package coop.roseash.shared.activitypub;

/** A signed request that does not verify: answered 401 with the reason, and nothing it asked for is done. */
public class SignatureRefused extends Exception {
    public SignatureRefused(String reason) {
        super(reason);
    }

    public SignatureRefused(String reason, Throwable cause) {
        super(reason, cause);
    }
}
