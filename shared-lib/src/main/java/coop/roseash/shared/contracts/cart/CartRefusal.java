package coop.roseash.shared.contracts.cart;

/** Why the cart would not do what it was asked, in words for the member; nothing was changed. */
public class CartRefusal extends RuntimeException {

    /** What went wrong, which decides the HTTP status a resource answers with. */
    public enum Reason {
        /** Zero, negative or too large a quantity (400). */
        INVALID_QUANTITY(400),
        /** No such item, or a line or order of someone else (404: we do not say which). */
        NOT_FOUND(404),
        /** The item is withdrawn or no longer on sale (409). */
        UNAVAILABLE(409),
        /** Fewer left than asked for (409). */
        NOT_ENOUGH(409),
        /** A visitor without a device id or sign-in: nothing to put a cart on (400). */
        NO_IDENTITY(400);

        public final int status;

        Reason(int status) {
            this.status = status;
        }
    }

    private final Reason reason;

    public CartRefusal(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    public int status() {
        return reason.status;
    }
}
