package coop.roseash.blog.errors;

/** Input an editor can fix (blank title, bad slug, a menu move into its own subtree...); the message says what. */
public class InvalidBlogInputException extends RuntimeException {

    public InvalidBlogInputException(String message) {
        super(message);
    }
}
