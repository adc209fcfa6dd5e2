package coop.roseash.cart.checkout;

/**
 * The checkout could not be started; the cart is untouched. {@link #status}: 409 when the page takes no payments
 * (nothing the member can fix by retrying now), 503 when SumUp cannot be reached (try again later).
 */
public class CheckoutUnavailable extends RuntimeException {

    private final int status;

    public CheckoutUnavailable(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
