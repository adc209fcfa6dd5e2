package coop.roseash.shared.auth;

/**
 * Marks the services that are OIDC clients of federation: they set the build property
 * {@code roseash.sso.client=true} (blog, market, cart, events, account) and {@code quarkus.oidc.tenant-enabled=true}.
 */
public final class SsoClient {
    public static final String BUILD_PROPERTY = "roseash.sso.client";

    private SsoClient() {
    }
}
