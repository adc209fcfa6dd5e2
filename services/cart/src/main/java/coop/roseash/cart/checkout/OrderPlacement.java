package coop.roseash.cart.checkout;

import coop.roseash.shared.contracts.Identity;
import coop.roseash.shared.contracts.cart.CartRefusal;
import coop.roseash.shared.contracts.cart.CartRefusal.Reason;
import coop.roseash.shared.contracts.cart.Offer;
import coop.roseash.shared.contracts.cart.OfferSource;
import coop.roseash.shared.contracts.cart.OrderLine;
import coop.roseash.shared.model.cart.CartItem;
import coop.roseash.shared.model.cart.ItemType;
import coop.roseash.shared.model.cart.Order;
import coop.roseash.shared.model.cart.OrderItem;
import coop.roseash.shared.services.cart.CartLinesService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Turns one page's cart into a pending order, in one transaction: every line's offer is read again from its selling
 * domain (title, price, availability, stock; nothing from the client), the order and its items are written at those
 * prices, and each line's stock or capacity is reserved. Any refusal rolls all of it back: nothing changes.
 */
@ApplicationScoped
public class OrderPlacement {

    private final CartLinesService lines;
    private final Duration firstCheckAfter;

    OrderPlacement(CartLinesService lines,
                   @ConfigProperty(name = "roseash.cart.reconcile.after", defaultValue = "PT2M") Duration firstCheckAfter) {
        this.lines = lines;
        this.firstCheckAfter = firstCheckAfter;
    }

    @Transactional
    public PlacedOrder place(Identity buyer, String email, String containerType, long containerId, String merchantCode) {
        // locked: two checkouts of the same cart at once place one order after the other, each from what is there
        List<CartItem> cart = CartItem.find(buyer.isMember()
                                ? "userId = ?1 and containerType = ?2 and containerId = ?3 order by id"
                                : "deviceId = ?1 and userId is null and containerType = ?2 and containerId = ?3 order by id",
                        buyer.isMember() ? buyer.userId() : buyer.deviceId(), containerType, containerId)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
        if (cart.isEmpty()) {
            throw new CartRefusal(Reason.UNAVAILABLE, "Your cart on this page is empty: there is nothing to check out.");
        }
        List<OrderItem> items = new ArrayList<>();
        String currency = null;
        int amount = 0;
        for (CartItem line : cart) {
            Offer offer = current(line);
            if (currency != null && !currency.equals(offer.currency())) {
                throw new CartRefusal(Reason.UNAVAILABLE, "“" + offer.title() + "” is priced in " + offer.currency()
                        + ", the rest of your cart in " + currency + ": please check them out separately.");
            }
            currency = offer.currency();
            amount = Math.addExact(amount, Math.multiplyExact(offer.unitPriceCents(), line.quantity));
            OrderItem item = new OrderItem();
            item.itemType = line.itemType;
            item.itemId = line.itemId;
            item.title = offer.title();
            item.quantity = line.quantity;
            item.unitPriceCents = offer.unitPriceCents();
            items.add(item);
        }
        Order order = new Order();
        order.userId = buyer.userId();
        order.deviceId = buyer.isMember() ? null : buyer.deviceId();
        order.email = email;
        order.containerType = containerType;
        order.containerId = containerId;
        order.checkoutReference = UUID.randomUUID().toString();
        order.merchantCode = merchantCode;
        order.amountCents = amount;
        order.currency = currency;
        order.nextCheckAt = Instant.now().plus(firstCheckAfter);
        order.persist();
        for (OrderItem item : items) {
            item.order = order;
            item.persist();
        }
        OrderItem.flush();
        for (OrderItem item : items) {
            String type = type(item.itemType);
            OfferSource source = lines.source(type).orElseThrow(() ->
                    new CartRefusal(Reason.NOT_FOUND, "“" + item.title + "” can no longer be bought here."));
            source.reserve(new OrderLine(order.id, type, item.itemId, item.quantity, buyer));
        }
        return new PlacedOrder(order.id, order.checkoutReference, amount, currency, merchantCode, containerType,
                containerId);
    }

    private Offer current(CartItem line) {
        Offer offer = lines.offer(type(line.itemType), line.itemId).orElseThrow(() ->
                new CartRefusal(Reason.NOT_FOUND, "An item in your cart is no longer sold. Please remove it and try again."));
        if (!offer.available()) {
            throw new CartRefusal(Reason.UNAVAILABLE, "“" + offer.title() + "” is no longer available. Please remove it"
                    + " from your cart and try again.");
        }
        if (offer.remaining() != null && offer.remaining() < line.quantity) {
            throw new CartRefusal(Reason.NOT_ENOUGH, offer.remaining() == 0
                    ? "“" + offer.title() + "” is sold out. Please remove it from your cart and try again."
                    : "Only " + offer.remaining() + " of “" + offer.title() + "” left. Please lower the quantity and try again.");
        }
        return offer;
    }

    static String type(ItemType type) {
        return type.name().toLowerCase(Locale.ROOT);
    }
}
