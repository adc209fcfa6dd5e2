package coop.roseash.shared.auth;

import jakarta.ws.rs.core.NewCookie;

/** This service's own cookies for single sign-on state (per host; never shared across hosts). */
public final class DeviceCookies {
    /** The anonymous device id, as federation signed it. */
    public static final String NAME = "roseash_device";
    /** A year, in seconds. */
    static final int DEVICE_MAX_AGE = 365 * 24 * 3600;
    /** Set once per browser session when the silent sign-in round trip was tried. */
    public static final String CHECKED = "roseash_sso_checked";
    /** Where to return after the silent round trip. */
    public static final String RETURN_TO = "roseash_sso_return";

    private DeviceCookies() {
    }

    static NewCookie cookie(String name, String value, int maxAge, boolean secure) {
        NewCookie.Builder b = new NewCookie.Builder(name).value(value).path("/").httpOnly(true).secure(secure)
                .sameSite(NewCookie.SameSite.LAX);
        if (maxAge >= 0) {
            b.maxAge(maxAge);
        }
        return b.build();
    }
}
