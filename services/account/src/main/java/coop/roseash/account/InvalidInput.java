package coop.roseash.account;

/** Input a person can fix (a blank name, a taken address, a send already started); the message says what. */
public class InvalidInput extends RuntimeException {

    private final int status;

    public InvalidInput(String message) {
        this(400, message);
    }

    public InvalidInput(int status, String message) {
        super(message);
        this.status = status;
    }

    /** The HTTP status to answer with: 400 for input, 409 for a state that forbids it. */
    public int status() {
        return status;
    }
}
