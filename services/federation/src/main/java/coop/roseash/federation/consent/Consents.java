package coop.roseash.federation.consent;

import coop.roseash.shared.model.federation.OAuthGrant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** What each member has approved for each non-first-party client, remembered so they are asked once. */
@ApplicationScoped
public class Consents {

    @Transactional
    public boolean covers(long memberId, String clientId, Set<String> scopes) {
        return OAuthGrant.<OAuthGrant>find("userId = ?1 and clientId = ?2 and revokedAt is null", memberId, clientId)
                .firstResultOptional()
                .map(g -> Set.of(g.scope.split(" ")).containsAll(scopes))
                .orElse(false);
    }

    /** Records approval of these scopes, added to any approved before. */
    @Transactional
    public void approve(long memberId, String clientId, Set<String> scopes) {
        OAuthGrant grant = OAuthGrant.<OAuthGrant>find("userId = ?1 and clientId = ?2", memberId, clientId)
                .firstResultOptional().orElseGet(() -> {
                    OAuthGrant g = new OAuthGrant();
                    g.userId = memberId;
                    g.clientId = clientId;
                    g.scope = "";
                    return g;
                });
        Set<String> all = new LinkedHashSet<>();
        if (grant.revokedAt == null && !grant.scope.isBlank()) {
            all.addAll(List.of(grant.scope.split(" ")));
        }
        all.addAll(scopes);
        grant.scope = String.join(" ", all);
        grant.revokedAt = null;
        grant.grantedAt = grant.grantedAt == null ? Instant.now() : grant.grantedAt;
        grant.persist();
    }
}
