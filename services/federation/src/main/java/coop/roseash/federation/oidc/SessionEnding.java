package coop.roseash.federation.oidc;

import coop.roseash.federation.login.FederationSessions;
import coop.roseash.federation.login.SignOnRecords;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.ArrayList;
import java.util.List;

/**
 * Ends some of a member's sessions while they stay signed in on the one they use (account's "sign out everywhere
 * else"): each session leaves Redis, its refresh tokens are revoked and its unredeemed codes spent, and every client
 * is told over the back channel with the session's {@code sid}, so that session's next request on any service finds
 * itself signed out. What RP-initiated logout does for the current session ({@link EndSessionResource}), for others.
 */
@ApplicationScoped
public class SessionEnding {

    private final FederationSessions sessions;
    private final SignOnRecords records;
    private final RefreshTokens refreshTokens;
    private final BackchannelLogout backchannel;
    private final EntityManager em;

    SessionEnding(FederationSessions sessions, SignOnRecords records, RefreshTokens refreshTokens,
                  BackchannelLogout backchannel, EntityManager em) {
        this.sessions = sessions;
        this.records = records;
        this.refreshTokens = refreshTokens;
        this.backchannel = backchannel;
        this.em = em;
    }

    /** Ends the member's sessions with these hashes; returns how many. The back channel is told after the commit. */
    public int end(long memberId, List<String> sessionHashes) {
        if (sessionHashes.isEmpty()) {
            return 0;
        }
        List<String> sids = QuarkusTransaction.requiringNew().call(() -> {
            List<String> ids = new ArrayList<>();
            for (String hash : sessionHashes) {
                sessions.endHashed(hash);
                records.ended(hash);
                for (String sid : sessionIds(memberId, hash)) {
                    refreshTokens.revokeSession(sid);
                    em.createNativeQuery("UPDATE authorization_codes SET used_at = now()"
                                    + " WHERE user_id = ?1 AND session_id = ?2 AND used_at IS NULL")
                            .setParameter(1, memberId).setParameter(2, sid).executeUpdate();
                    ids.add(sid);
                }
            }
            return ids;
        });
        backchannel.notifyClients(Long.toString(memberId), sids);
        return sessionHashes.size();
    }

    /** Tells every client that every session of the member ended (a logout token without {@code sid}). */
    public void signOutEverywhere(long memberId) {
        backchannel.notifyClients(Long.toString(memberId), (String) null);
    }

    /**
     * The clear session id (the {@code sid} the clients know) behind a hash: only the tokens issued in that session
     * carry it, and a session no service was handed tokens of has no client to tell.
     */
    @SuppressWarnings("unchecked")
    private List<String> sessionIds(long memberId, String hash) {
        return em.createNativeQuery("SELECT session_id FROM refresh_tokens WHERE user_id = ?1 AND session_id IS NOT NULL"
                        + " AND encode(sha256(convert_to(session_id, 'UTF8')), 'hex') = ?2"
                        + " UNION SELECT session_id FROM authorization_codes WHERE user_id = ?1 AND session_id IS NOT NULL"
                        + " AND encode(sha256(convert_to(session_id, 'UTF8')), 'hex') = ?2")
                .setParameter(1, memberId).setParameter(2, hash).getResultList();
    }
}
