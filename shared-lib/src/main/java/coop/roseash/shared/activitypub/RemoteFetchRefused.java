package coop.roseash.shared.activitypub;

/** A remote document that could not or must not be fetched (private address, too large, too slow, too many redirects). */
public class RemoteFetchRefused extends Exception {
    public RemoteFetchRefused(String reason) {
        super(reason);
    }

    public RemoteFetchRefused(String reason, Throwable cause) {
        super(reason, cause);
    }
}
