package coop.roseash.shared.web;

/**
 * Recognises a form body with broken percent-encoding: it fails inside the framework's form reader,
 * before any endpoint runs, as an IllegalArgumentException — the sender's mistake, so a 400.
 */
public final class MalformedForm {
    private MalformedForm() {
    }

    public static boolean is(Throwable e) {
        return e instanceof IllegalArgumentException
                && e.getMessage() != null && e.getMessage().startsWith("Failed to decode URL");
    }
}
