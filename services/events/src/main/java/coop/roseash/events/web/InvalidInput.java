package coop.roseash.events.web;

/** Input a person has to fix, with the message to show them; {@code status} is 400, 404, 409 or 422. Nothing was changed. */
public class InvalidInput extends RuntimeException {

    private final int status;

    public InvalidInput(int status, String message) {
        super(message);
        this.status = status;
    }

    public InvalidInput(String message) {
        this(422, message);
    }

    public int status() {
        return status;
    }
}
