package coop.roseash.market.web;

/** A browse parameter that cannot mean anything (a price that is no amount, an unknown sort); the message says what. */
public class InvalidFilterException extends RuntimeException {

    public InvalidFilterException(String message) {
        super(message);
    }
}
