package coop.roseash.cart.sumup;

/** SumUp did not answer in time, or answered with an error: nothing can be learnt or done there right now. */
public class SumUpUnavailable extends RuntimeException {

    public SumUpUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
