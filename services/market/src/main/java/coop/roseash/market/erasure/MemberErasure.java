package coop.roseash.market.erasure;

import coop.roseash.shared.contracts.account.MemberDeleted;
import coop.roseash.shared.contracts.account.MemberDeletedHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;


/** market's part of deleting an account ({@link MemberDeleted}): the member's likes go. Idempotent. */
@ApplicationScoped
public class MemberErasure extends MemberDeletedHandler {

    private final EntityManager em;

    MemberErasure(EntityManager em) {
        this.em = em;
    }

    @Override
    protected void erase(long userId) {
        em.createNativeQuery("DELETE FROM product_likes WHERE user_id = ?1").setParameter(1, userId).executeUpdate();
    }
}
