package coop.roseash.blog.erasure;

import coop.roseash.shared.contracts.account.MemberDeleted;
import coop.roseash.shared.contracts.account.MemberDeletedHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;


/**
 * blog's part of deleting an account ({@link MemberDeleted}): what the member wrote stays, its author row becomes a
 * "Former member" with no link to anyone (no member, no address, no bio or picture, a slug that names nobody), so an
 * import matching authors by address never gives it to someone who signs up with the old address. Idempotent.
 */
@ApplicationScoped
public class MemberErasure extends MemberDeletedHandler {

    private final EntityManager em;

    MemberErasure(EntityManager em) {
        this.em = em;
    }

    @Override
    protected void erase(long userId) {
        em.createNativeQuery("UPDATE authors SET user_id = NULL, name = ?2, email = NULL, bio = NULL,"
                        + " profile_image = NULL, slug = 'former-member-' || id, updated_at = now() WHERE user_id = ?1")
                .setParameter(1, userId).setParameter(2, MemberDeleted.FORMER_MEMBER).executeUpdate();
    }
}
