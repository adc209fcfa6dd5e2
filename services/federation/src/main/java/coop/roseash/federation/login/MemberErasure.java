package coop.roseash.federation.login;

import coop.roseash.federation.oidc.SessionEnding;
import coop.roseash.shared.activitypub.ActorDeletion;
import coop.roseash.shared.contracts.account.MemberDeleted;
import coop.roseash.shared.contracts.account.MemberDeletedHandler;
import coop.roseash.shared.model.federation.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * federation's part of deleting an account ({@link MemberDeleted}): the member's sessions end everywhere (Redis, and
 * every client told over the back channel), their sign-in links go, and the member row goes with everything that
 * hangs off it (codes, refresh tokens, consents, session records: the schema's {@code ON DELETE CASCADE}). Their
 * fediverse actor is deleted where it was followed (a signed {@code Delete} to each follower's server) and left as a
 * tombstone ({@link ActorDeletion}). A second delivery finds no member and does nothing.
 */
@ApplicationScoped
public class MemberErasure extends MemberDeletedHandler {

    private final EntityManager em;
    private final SignOnRecords records;
    private final FederationSessions sessions;
    private final SessionEnding ending;
    private final ActorDeletion actorDeletion;

    MemberErasure(EntityManager em, SignOnRecords records, FederationSessions sessions, SessionEnding ending,
                  ActorDeletion actorDeletion) {
        this.actorDeletion = actorDeletion;
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
        // before the member row goes: its cascade would take the actor's keys, which sign the Deletes
        actorDeletion.deleteActorOf(user.id);
        user.delete();
        em.flush();
        // every service drops every session of the member it still holds (a logout token naming the member only)
        ending.signOutEverywhere(user.id);
    }
}
