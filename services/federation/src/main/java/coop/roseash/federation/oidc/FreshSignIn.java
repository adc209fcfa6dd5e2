package coop.roseash.federation.oidc;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How recent a sign-in an authorization request accepts from an existing session (OIDC Core §3.1.2.1):
 * {@code prompt=login} accepts none, {@code max_age} none older than that many seconds ({@code 0} is
 * {@code prompt=login}). Once the member is sent to sign in again, the resumed request drops both and carries
 * {@code auth_since} instead (the moment, in epoch milliseconds, the new sign-in must follow), so the fresh
 * session satisfies it and the flow goes on to the client instead of asking again.
 */
record FreshSignIn(boolean forced, Long maxAge, Long since) {
    static final String SINCE = "auth_since";
    static final FreshSignIn ANY = new FreshSignIn(false, null, null);
    private static final Pattern SECONDS = Pattern.compile("\\d{1,10}");
    private static final Pattern EPOCH_MILLI = Pattern.compile("\\d{1,15}");

    /** Reads prompt, max_age and auth_since; a malformed number is an {@link OAuthError} (invalid_request). */
    static FreshSignIn of(Set<String> prompt, Map<String, String> params) {
        Long maxAge = number(params.get("max_age"), SECONDS, "max_age must be a number of seconds");
        Long since = number(params.get(SINCE), EPOCH_MILLI, SINCE + " must be a time in milliseconds");
        return new FreshSignIn(prompt.contains("login") || Long.valueOf(0).equals(maxAge), maxAge, since);
    }

    private static Long number(String value, Pattern form, String problem) {
        if (value == null) {
            return null;
        }
        if (!form.matcher(value).matches()) {
            throw OAuthError.invalidRequest(problem);
        }
        return Long.parseLong(value);
    }

    /** Whether the request asked for a sign-in newer than some moment. */
    boolean asked() {
        return forced || maxAge != null || since != null;
    }

    /** Whether a session signed in at {@code authTime} will do {@code now} (max_age in whole seconds, as auth_time). */
    boolean accepts(Instant authTime, Instant now) {
        return !forced
                && (maxAge == null || now.getEpochSecond() - authTime.getEpochSecond() <= maxAge)
                && (since == null || authTime.toEpochMilli() >= since);
    }
}
