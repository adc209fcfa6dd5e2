package coop.roseash.cart.payments;

import coop.roseash.cart.mail.ConfirmationMails;
import coop.roseash.cart.sumup.SumUp;
import coop.roseash.cart.sumup.SumUpCheckout;
import coop.roseash.cart.sumup.SumUpUnavailable;
import coop.roseash.shared.contracts.blog.PageSettings;
import coop.roseash.shared.model.cart.Order;
import coop.roseash.shared.model.cart.OrderStatus;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Brings an order in line with its SumUp checkout. The return page, the webhook, the job and the admin's re-check
 * are all only reasons to ask: what SumUp answers to our own GET decides. Paid for the order's amount and currency:
 * confirmed (once, {@link OrderTransitions#confirmPaid}) and the confirmation mailed (once, {@link ConfirmationMails});
 * failed or expired: closed and its reservations released; paid for another amount: flagged for an admin.
 */
@ApplicationScoped
public class PaymentReconciler {

    private static final Logger LOG = Logger.getLogger(PaymentReconciler.class);

    /** What reconciling found. */
    public enum Outcome { CONFIRMED, ALREADY_FINAL, STILL_PENDING, CLOSED, FLAGGED, UNKNOWN_ORDER, SUMUP_UNAVAILABLE }

    private record Pending(long id, OrderStatus status, String checkoutId, String reference, int amountCents,
                           String currency, String containerType, long containerId, Instant createdAt) {
    }

    private final SumUp sumUp;
    private final PageSettings pages;
    private final OrderTransitions transitions;
    private final ConfirmationMails mails;
    private final Duration abandonAfter;

    PaymentReconciler(SumUp sumUp, PageSettings pages, OrderTransitions transitions, ConfirmationMails mails,
                      @ConfigProperty(name = "roseash.cart.reconcile.abandon-after", defaultValue = "PT2H")
                      Duration abandonAfter) {
        this.sumUp = sumUp;
        this.pages = pages;
        this.transitions = transitions;
        this.mails = mails;
        this.abandonAfter = abandonAfter;
    }

    /** A hint about SumUp checkout {@code checkoutId} (the webhook): an unknown id changes nothing and asks no one. */
    public Outcome reconcileCheckout(String checkoutId) {
        Optional<Long> id = QuarkusTransaction.requiringNew().call(() ->
                Order.<Order>find("sumupCheckoutId", checkoutId).firstResultOptional().map(o -> o.id));
        return id.map(this::reconcile).orElse(Outcome.UNKNOWN_ORDER);
    }

    /** Asks SumUp about order {@code orderId} and applies the answer. */
    public Outcome reconcile(long orderId) {
        Pending order = QuarkusTransaction.requiringNew().call(() -> Order.<Order>findByIdOptional(orderId)
                .map(o -> new Pending(o.id, o.status, o.sumupCheckoutId, o.checkoutReference, o.amountCents,
                        o.currency, o.containerType, o.containerId, o.createdAt))
                .orElse(null));
        if (order == null) {
            return Outcome.UNKNOWN_ORDER;
        }
        if (order.status() == OrderStatus.PAID) {
            // a paid order whose mail was lost to a crash gets it now; a no-op otherwise
            mails.sendIfUnsent(orderId);
            return Outcome.ALREADY_FINAL;
        }
        Optional<String> apiKey = pages.sumupApiKey(order.containerType(), order.containerId());
        if (apiKey.isEmpty()) {
            LOG.warnf("order %d: its page has no SumUp API key any more; cannot ask SumUp", orderId);
            return Outcome.SUMUP_UNAVAILABLE;
        }
        if (order.status() != OrderStatus.PENDING) {
            return paidAfterClosing(order, apiKey.get()) ? Outcome.FLAGGED : Outcome.ALREADY_FINAL;
        }
        SumUpCheckout checkout;
        try {
            checkout = order.checkoutId() != null
                    ? sumUp.get(apiKey.get(), order.checkoutId())
                    : sumUp.byReference(apiKey.get(), order.reference()).orElse(null);
        } catch (SumUpUnavailable e) {
            LOG.infof("order %d: %s; asking again later", orderId, e.getMessage());
            return Outcome.SUMUP_UNAVAILABLE;
        }
        if (checkout == null) {
            // the service stopped between placing the order and creating the checkout: SumUp never heard of it
            if (order.createdAt().plus(abandonAfter).isBefore(Instant.now())) {
                transitions.close(orderId, OrderStatus.CANCELLED, "no SumUp checkout was ever created for it");
                return Outcome.CLOSED;
            }
            return Outcome.STILL_PENDING;
        }
        if (!order.reference().equals(checkout.checkoutReference())) {
            transitions.flag(orderId, "SumUp checkout " + checkout.id() + " carries reference "
                    + checkout.checkoutReference() + ", not this order's");
            return Outcome.FLAGGED;
        }
        if (order.checkoutId() == null && checkout.id() != null) {
            QuarkusTransaction.requiringNew().run(() ->
                    Order.update("sumupCheckoutId = ?1 where id = ?2 and sumupCheckoutId is null", checkout.id(), orderId));
        }
        if (checkout.paid()) {
            if (!matches(order, checkout)) {
                LOG.warnf("order %d: SumUp says PAID %s %s, the order is %d %s; flagged, not confirmed", orderId,
                        checkout.amount(), checkout.currency(), order.amountCents(), order.currency());
                transitions.flag(orderId, "SumUp reports " + checkout.amount() + " " + checkout.currency()
                        + " paid; the order is " + BigDecimal.valueOf(order.amountCents(), 2) + " " + order.currency());
                return Outcome.FLAGGED;
            }
            boolean confirmed = transitions.confirmPaid(orderId);
            if (!confirmed && !isPaid(orderId)) {
                // closed (expired, cancelled) by a racing caller between our read and SumUp's answer
                transitions.flag(orderId, "SumUp reports the checkout paid while the order was being closed:"
                        + " refund it or settle it by hand");
                return Outcome.FLAGGED;
            }
            mails.sendIfUnsent(orderId);
            return confirmed ? Outcome.CONFIRMED : Outcome.ALREADY_FINAL;
        }
        if (checkout.closed()) {
            OrderStatus status = "EXPIRED".equalsIgnoreCase(checkout.status()) ? OrderStatus.EXPIRED : OrderStatus.FAILED;
            return transitions.close(orderId, status, "SumUp reports the checkout " + checkout.status())
                    ? Outcome.CLOSED : Outcome.ALREADY_FINAL;
        }
        if (order.createdAt().plus(abandonAfter).isBefore(Instant.now())) {
            // SumUp's hosted page lasts 30 minutes; an order unpaid for much longer gives its stock back, and its
            // checkout is deactivated first so that a page left open can no longer take the money
            deactivate(orderId, apiKey.get(), checkout.id());
            return transitions.close(orderId, OrderStatus.EXPIRED, "not paid within " + abandonAfter.toMinutes()
                    + " minutes") ? Outcome.CLOSED : Outcome.ALREADY_FINAL;
        }
        return Outcome.STILL_PENDING;
    }

    /**
     * Deactivates the checkout of an order about to expire. Best effort: when SumUp refuses (it was paid or failed just
     * now) or cannot be reached, the order expires all the same, and a payment SumUp reports afterwards is flagged for
     * an admin ({@link #paidAfterClosing}), never confirmed.
     */
    private void deactivate(long orderId, String apiKey, String checkoutId) {
        if (checkoutId == null) {
            return;
        }
        try {
            sumUp.deactivate(apiKey, checkoutId);
        } catch (SumUpUnavailable e) {
            LOG.warnf("order %d: SumUp checkout %s not deactivated (%s); the order expires anyway", orderId,
                    checkoutId, e.getMessage());
        }
    }

    /**
     * A closed order (failed, expired, cancelled) whose checkout SumUp now reports paid: money was taken for stock
     * already given back, so an admin must refund or settle it by hand. Flagged, never confirmed by itself.
     */
    private boolean paidAfterClosing(Pending order, String apiKey) {
        if (order.checkoutId() == null) {
            return false;
        }
        try {
            SumUpCheckout checkout = sumUp.get(apiKey, order.checkoutId());
            if (checkout.paid() && order.reference().equals(checkout.checkoutReference())) {
                LOG.warnf("order %d: SumUp reports it PAID after it was closed %s; flagged", order.id(),
                        order.status());
                transitions.flag(order.id(), "SumUp reports the checkout paid after the order was closed ("
                        + order.status().name().toLowerCase(java.util.Locale.ROOT) + "): refund it or settle it by hand");
                return true;
            }
        } catch (SumUpUnavailable e) {
            LOG.infof("order %d: %s", order.id(), e.getMessage());
        }
        return false;
    }

    private static boolean isPaid(long orderId) {
        return QuarkusTransaction.requiringNew().call(() ->
                Order.<Order>findById(orderId).status == OrderStatus.PAID);
    }

    private static boolean matches(Pending order, SumUpCheckout checkout) {
        return checkout.amount() != null && checkout.amount().compareTo(BigDecimal.valueOf(order.amountCents(), 2)) == 0
                && order.currency().equalsIgnoreCase(checkout.currency());
    }
}
