package coop.roseash.cart.checkout;

/** The checkout could not be started (no payment settings for the page, SumUp unreachable); the cart is untouched. */
public class CheckoutUnavailable extends RuntimeException {

    public CheckoutUnavailable(String message) {
        super(message);
    }
}
