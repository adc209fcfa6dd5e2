package coop.roseash.federation.login;

import coop.roseash.federation.oidc.SessionEnding;
import coop.roseash.shared.contracts.account.MemberDeleted;
import coop.roseash.shared.contracts.account.MemberDeletedHandler;
import coop.roseash.shared.model.federation.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * federation's part of deleting an account ({@link MemberDeleted}): the member's sessions end everywhere (Redis, and
 * every client told over the back channel), their sign-in links go, and the member row goes with everything that
 * hangs off it (codes, refresh tokens, consents, session records, their actor profile and its social graph: the
 * schema's {@code ON DELETE CASCADE}). A second delivery finds no member and does nothing.
 */
@ApplicationScoped
public class MemberErasure extends MemberDeletedHandler {

    private final EntityManager em;
    private final SignOnRecords records;
    private final FederationSessions sessions;
    private final SessionEnding ending;

    MemberErasure(EntityManager em, SignOnRecords records, FederationSessions sessions, SessionEnding ending) {
        this.em = em;
        this.records = records;
        this.sessions = sessions;
        this.ending = ending;
    }

    @Override
    protected void erase(long userId) {
        User user = User.findById(userId);
        if (user == null) {
            return; // erased already
        }
        records.live(user.id).forEach(r -> sessions.endHashed(r.sessionHash()));
        em.createNativeQuery("DELETE FROM magic_links WHERE email = ?1").setParameter(1, user.email).executeUpdate();
        user.delete();
        em.flush();
        // every service drops every session of the member it still holds (a logout token naming the member only)
        ending.signOutEverywhere(user.id);
    }
}
