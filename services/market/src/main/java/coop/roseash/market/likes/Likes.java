package coop.roseash.market.likes;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Members' likes of products: at most one per member and product (the schema's unique key), so liking twice, or two
 * racing requests, still count once.
 */
@ApplicationScoped
public class Likes {

    private final EntityManager db;

    Likes(EntityManager db) {
        this.db = db;
    }

    /** The product's likes, and whether member {@code userId} (null: a visitor) is one of them. */
    @Transactional
    public LikeState state(long productId, Long userId) {
        Object[] row = (Object[]) db.createNativeQuery("SELECT count(*), coalesce(bool_or(user_id = :user), false) "
                        + "FROM product_likes WHERE product_id = :product")
                .setParameter("user", userId == null ? -1L : userId)
                .setParameter("product", productId)
                .getSingleResult();
        return new LikeState(((Number) row[0]).longValue(), Boolean.TRUE.equals(row[1]));
    }

    /** Member {@code userId} likes the product ({@code like}) or no longer does; saying it twice changes nothing. */
    @Transactional
    public LikeState set(long productId, long userId, boolean like) {
        if (like) {
            db.createNativeQuery("INSERT INTO product_likes (product_id, user_id) VALUES (:product, :user) "
                            + "ON CONFLICT (product_id, user_id) DO NOTHING")
                    .setParameter("product", productId).setParameter("user", userId).executeUpdate();
        } else {
            db.createNativeQuery("DELETE FROM product_likes WHERE product_id = :product AND user_id = :user")
                    .setParameter("product", productId).setParameter("user", userId).executeUpdate();
        }
        return state(productId, userId);
    }
}
