package coop.roseash.shared.services.market;

import coop.roseash.shared.contracts.cart.CartRefusal;
import coop.roseash.shared.contracts.cart.CartRefusal.Reason;
import coop.roseash.shared.contracts.cart.Offer;
import coop.roseash.shared.contracts.cart.OfferSource;
import coop.roseash.shared.contracts.cart.OrderLine;
import coop.roseash.shared.model.market.Product;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.Optional;

/**
 * Market's products as the cart sells them. Stock, where tracked, is taken at checkout by one conditional UPDATE
 * (the schema's {@code stock >= 0} check backs it), so racing checkouts cannot sell more than there is.
 */
@ApplicationScoped
public class ProductOfferSource implements OfferSource {

    public static final String ITEM_TYPE = "product";

    @Override
    public String itemType() {
        return ITEM_TYPE;
    }

    @Override
    @Transactional
    public Optional<Offer> offer(long itemId) {
        return Product.<Product>findByIdOptional(itemId)
                .filter(p -> p.marketPage != null)
                .map(p -> new Offer(ITEM_TYPE, p.id, p.title, p.priceCents, p.currency,
                        p.marketPage.containerType, p.marketPage.containerId, p.available, p.stock));
    }

    @Override
    @Transactional
    public void reserve(OrderLine line) {
        int taken = Product.update("stock = stock - ?1 where id = ?2 and available = true and stock is not null"
                + " and stock >= ?1", line.quantity(), line.itemId());
        if (taken == 1) {
            return;
        }
        Product product = Product.findById(line.itemId());
        if (product == null) {
            throw new CartRefusal(Reason.NOT_FOUND, "A product in your cart no longer exists.");
        }
        if (!product.available) {
            throw new CartRefusal(Reason.UNAVAILABLE, "“" + product.title + "” is no longer available.");
        }
        if (product.stock != null) {
            throw new CartRefusal(Reason.NOT_ENOUGH, "Only " + product.stock + " of “" + product.title + "” left.");
        }
        // stock not tracked: nothing to take
    }

    @Override
    public void confirm(OrderLine line) {
        // the stock was taken at checkout
    }

    @Override
    @Transactional
    public void release(OrderLine line) {
        Product.update("stock = stock + ?1 where id = ?2 and stock is not null", line.quantity(), line.itemId());
    }
}
