package coop.roseash.federation.login;

import coop.roseash.shared.auth.ReturnTo;

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
}
