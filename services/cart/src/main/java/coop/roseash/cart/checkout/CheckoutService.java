package coop.roseash.cart.checkout;

import coop.roseash.cart.payments.OrderTransitions;
import coop.roseash.cart.sumup.CreateCheckout;
import coop.roseash.cart.sumup.SumUp;
import coop.roseash.cart.sumup.SumUpCheckout;
import coop.roseash.cart.sumup.SumUpUnavailable;
import coop.roseash.shared.config.ServiceUrls;
import coop.roseash.shared.contracts.Identity;
import coop.roseash.shared.contracts.blog.PageSettings;
import coop.roseash.shared.model.cart.Order;
import coop.roseash.shared.model.cart.OrderStatus;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.math.BigDecimal;

/**
 * Checkout of one page's cart: the order is placed and its items reserved (one transaction, {@link OrderPlacement}),
 * then SumUp is asked for a hosted checkout outside any transaction (no row lock waits on the network). If SumUp
 * cannot be reached the order is cancelled and its reservations given back; the cart lines were never touched, so
 * the member keeps the cart. Lines leave the cart only once the order is paid.
 */
@ApplicationScoped
public class CheckoutService {

    private static final Logger LOG = Logger.getLogger(CheckoutService.class);

    private final OrderPlacement placement;
    private final OrderTransitions transitions;
    private final PageSettings pages;
    private final SumUp sumUp;
    private final ServiceUrls urls;

    CheckoutService(OrderPlacement placement, OrderTransitions transitions, PageSettings pages, SumUp sumUp,
                    ServiceUrls urls) {
        this.placement = placement;
        this.transitions = transitions;
        this.pages = pages;
        this.sumUp = sumUp;
        this.urls = urls;
    }

    /** Places the order and returns SumUp's hosted payment page for it. */
    public String checkout(Identity buyer, String email, String containerType, long containerId) {
        String merchantCode = pages.settings(containerType, containerId).sumupMerchantCode();
        String apiKey = pages.sumupApiKey(containerType, containerId).orElse(null);
        if (merchantCode == null || apiKey == null) {
            throw new CheckoutUnavailable(409, "This page does not take payments yet. Your cart is kept; please try again later.");
        }
        PlacedOrder order = placement.place(buyer, email, containerType, containerId, merchantCode);
        String cart = urls.publicUrl("cart");
        CreateCheckout request = new CreateCheckout(order.checkoutReference(),
                BigDecimal.valueOf(order.amountCents(), 2), order.currency(), merchantCode,
                "Rose Ash order " + order.id(), cart + "/orders/" + order.id() + "/return", cart + "/sumup/webhook",
                new CreateCheckout.HostedCheckout(true));
        SumUpCheckout created;
        try {
            created = sumUp.create(apiKey, request);
        } catch (SumUpUnavailable e) {
            LOG.warnf("checkout of order %d: %s", order.id(), e.getMessage());
            transitions.close(order.id(), OrderStatus.CANCELLED, e.getMessage());
            throw new CheckoutUnavailable(503, "The payment service cannot be reached just now. Nothing was charged and your"
                    + " cart is kept; please try again in a few minutes.");
        }
        if (created.id() == null || created.hostedCheckoutUrl() == null || !created.hostedCheckoutUrl().matches("https?://.+")) {
            transitions.close(order.id(), OrderStatus.CANCELLED, "SumUp answered without a hosted checkout page");
            throw new CheckoutUnavailable(503, "The payment service did not offer a payment page. Nothing was charged and"
                    + " your cart is kept; please try again later.");
        }
        QuarkusTransaction.requiringNew().run(() -> Order.update("sumupCheckoutId = ?1, hostedCheckoutUrl = ?2"
                + " where id = ?3", created.id(), created.hostedCheckoutUrl(), order.id()));
        return created.hostedCheckoutUrl();
    }
}
