package coop.roseash.federation.oidc;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The scopes this server grants; {@code openid} is required (this is an OpenID Connect provider). */
final class Scopes {
    static final List<String> SUPPORTED = List.of("openid", "profile", "email", "offline_access");

    private Scopes() {
    }

    /** Parses a space-separated scope parameter, refusing unknown scopes and requests without {@code openid}. */
    static Set<String> parse(String scope) {
        if (scope == null || scope.isBlank()) {
            throw new OAuthError("invalid_scope", "scope must include openid");
        }
        Set<String> scopes = new LinkedHashSet<>(List.of(scope.trim().split(" +")));
        for (String s : scopes) {
            if (!SUPPORTED.contains(s)) {
                throw new OAuthError("invalid_scope", "unsupported scope: " + s);
            }
        }
        if (!scopes.contains("openid")) {
            throw new OAuthError("invalid_scope", "scope must include openid");
        }
        return scopes;
    }

    static String format(Set<String> scopes) {
        return String.join(" ", scopes);
    }
}
