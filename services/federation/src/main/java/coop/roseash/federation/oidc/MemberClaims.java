package coop.roseash.federation.oidc;

import coop.roseash.federation.login.Member;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The claims about a member that the granted scopes release (OIDC Core §5.4), for ID tokens and userinfo alike. */
final class MemberClaims {
    private MemberClaims() {
    }

    static Map<String, Object> of(Member m, Set<String> scopes) {
        Map<String, Object> claims = new LinkedHashMap<>();
        if (scopes.contains("email")) {
            claims.put("email", m.email());
            claims.put("email_verified", true);
        }
        if (scopes.contains("profile")) {
            claims.put("name", m.shownName());
            claims.put("preferred_username", m.shownName());
            claims.put("roseash_admin", m.admin());
        }
        return claims;
    }
}
