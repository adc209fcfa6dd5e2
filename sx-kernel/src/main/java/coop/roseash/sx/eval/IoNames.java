package coop.roseash.sx.eval;

import java.util.Set;

/** Names of every IO primitive the platform may declare (§6); the analyser reports these as undeclared. */
public final class IoNames {
    public static final Set<String> PLATFORM = Set.of(
            "current-user", "request-arg", "request-form", "request-header", "csrf-token", "url-for", "app-url",
            "asset-url", "config", "frag", "now", "set-response-header", "set-response-status", "helper");

    private IoNames() {}

    public static boolean isPlatformIo(String name) { return PLATFORM.contains(name); }
}
