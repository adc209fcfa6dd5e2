package coop.roseash.shared.services.cart;

import coop.roseash.shared.contracts.Identity;
import coop.roseash.shared.contracts.cart.CartChanged;
import coop.roseash.shared.contracts.cart.CartLineAdded;
import coop.roseash.shared.contracts.cart.CartRefusal;
import coop.roseash.shared.contracts.cart.CartRefusal.Reason;
import coop.roseash.shared.contracts.cart.Carts;
import coop.roseash.shared.contracts.cart.Offer;
import coop.roseash.shared.contracts.cart.OfferSource;
import coop.roseash.shared.model.cart.CartItem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Transactional;

import java.util.Optional;

/** {@link Carts} over the {@code cart_items} table, asking the selling domain's {@link OfferSource} about each item. */
@ApplicationScoped
public class CartLinesService implements Carts {

    // one statement adds to the line or creates it, so two racing adds of the same item both count
    private static final String ADD_MEMBER_LINE = """
            INSERT INTO cart_items (user_id, container_type, container_id, item_type, item_id, quantity)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6)
            ON CONFLICT (user_id, container_type, container_id, item_type, item_id) WHERE user_id IS NOT NULL
            DO UPDATE SET quantity = cart_items.quantity + EXCLUDED.quantity, updated_at = now()
            RETURNING id, quantity""";
    private static final String ADD_DEVICE_LINE = """
            INSERT INTO cart_items (device_id, container_type, container_id, item_type, item_id, quantity)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6)
            ON CONFLICT (device_id, container_type, container_id, item_type, item_id) WHERE user_id IS NULL
            DO UPDATE SET quantity = cart_items.quantity + EXCLUDED.quantity, updated_at = now()
            RETURNING id, quantity""";

    private final Instance<OfferSource> sources;
    private final Event<CartChanged> changed;

    CartLinesService(@Any Instance<OfferSource> sources, Event<CartChanged> changed) {
        this.sources = sources;
        this.changed = changed;
    }

    @Override
    @Transactional
    public CartLineAdded add(Identity who, String itemType, long itemId, int quantity) {
        if (who == null || !who.isKnown()) {
            throw new CartRefusal(Reason.NO_IDENTITY,
                    "Your browser has no cart yet. Please allow cookies for this site and try again.");
        }
        if (quantity < 1 || quantity > MAX_LINE_QUANTITY) {
            throw new CartRefusal(Reason.INVALID_QUANTITY,
                    "Choose a quantity from 1 to " + MAX_LINE_QUANTITY + ".");
        }
        Offer offer = offer(itemType, itemId).orElseThrow(() ->
                new CartRefusal(Reason.NOT_FOUND, "That item does not exist."));
        if (!offer.available()) {
            throw new CartRefusal(Reason.UNAVAILABLE, "“" + offer.title() + "” is no longer available.");
        }
        Object[] row = (Object[]) CartItem.getEntityManager()
                .createNativeQuery(who.isMember() ? ADD_MEMBER_LINE : ADD_DEVICE_LINE)
                .setParameter(1, who.isMember() ? who.userId() : who.deviceId())
                .setParameter(2, offer.containerType())
                .setParameter(3, offer.containerId())
                .setParameter(4, offer.itemType())
                .setParameter(5, offer.itemId())
                .setParameter(6, quantity)
                .getSingleResult();
        int lineQuantity = ((Number) row[1]).intValue();
        // refusing here rolls the insert back: the cart stays as it was
        if (lineQuantity > MAX_LINE_QUANTITY) {
            throw new CartRefusal(Reason.INVALID_QUANTITY,
                    "Your cart already holds " + (lineQuantity - quantity) + " of “" + offer.title()
                            + "”; a line holds at most " + MAX_LINE_QUANTITY + ".");
        }
        if (offer.remaining() != null && lineQuantity > offer.remaining()) {
            throw new CartRefusal(Reason.NOT_ENOUGH,
                    "Only " + offer.remaining() + " of “" + offer.title() + "” left.");
        }
        changed.fire(new CartChanged(who));
        return new CartLineAdded(((Number) row[0]).longValue(), offer.title(), lineQuantity, itemCount(who));
    }

    @Override
    @Transactional
    public long itemCount(Identity who) {
        if (who == null || !who.isKnown()) {
            return 0;
        }
        // a device's lines are the ones no member has adopted yet
        String where = who.isMember() ? "userId = ?1" : "deviceId = ?1 and userId is null";
        Long sum = CartItem.getEntityManager()
                .createQuery("select sum(quantity) from CartItem where " + where, Long.class)
                .setParameter(1, who.isMember() ? who.userId() : who.deviceId())
                .getSingleResult();
        return sum == null ? 0 : sum;
    }

    /** The item as its selling domain offers it now; empty for an unknown type or item. */
    public Optional<Offer> offer(String itemType, long itemId) {
        return source(itemType).flatMap(source -> source.offer(itemId));
    }

    /** The selling domain's source for an item type, if one is deployed. */
    public Optional<OfferSource> source(String itemType) {
        for (OfferSource source : sources) {
            if (source.itemType().equals(itemType)) {
                return Optional.of(source);
            }
        }
        return Optional.empty();
    }
}
