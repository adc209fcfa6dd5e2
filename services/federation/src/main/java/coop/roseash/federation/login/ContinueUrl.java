package coop.roseash.federation.login;

import coop.roseash.shared.auth.ReturnTo;
import java.net.URI;

/**
 * Where to send the member after signing in: only a path on federation itself (no open redirect), by the
 * platform's one rule for return paths ({@link ReturnTo}); longer than a service's, as it carries an
 * interrupted authorization request.
 */
public final class ContinueUrl {
    private static final int MAX_LENGTH = 4000;

    private ContinueUrl() {
    }

    public static String safe(String url) {
        return ReturnTo.safe(url, MAX_LENGTH);
    }

    /** Whether {@code url} is an address a redirect can carry (no spaces, no broken percent escapes); null is none. */
    public static boolean wellFormed(String url) {
        try {
            return url == null || URI.create(url) != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
