package coop.roseash.shared.activitypub;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** What a member may choose as their username: the schema's format, minus names the platform keeps for itself. */
public final class UsernameRules {

    private static final Pattern FORMAT = Pattern.compile("[a-z0-9_]{1,30}");

    /** The services' own actors, addresses of our pages, and names people would mistake for the operators. */
    static final Set<String> RESERVED = Set.of(
            "blog", "market", "cart", "events", "federation", "account",
            "admin", "administrator", "root", "system", "support", "help", "info", "abuse", "postmaster",
            "webmaster", "hostmaster", "security", "noreply", "no_reply", "moderator", "mod", "staff", "official",
            "roseash", "rose_ash", "rose", "coop", "api", "www", "mail", "inbox", "outbox", "users", "user",
            "auth", "oauth", "login", "logout", "signup", "static", "internal", "nodeinfo", "webfinger",
            "actor", "instance", "relay", "about", "settings", "notifications", "timeline", "search", "null");

    private UsernameRules() {
    }

    public static boolean wellFormed(String name) {
        return name != null && FORMAT.matcher(name).matches();
    }

    /** The problem with {@code name} in words a member understands; empty when it may be chosen (if free). */
    public static Optional<String> problem(String name) {
        if (name == null || name.isBlank()) {
            return Optional.of("Choose a username.");
        }
        if (name.length() > 30) {
            return Optional.of("A username has at most 30 characters.");
        }
        if (!wellFormed(name)) {
            return Optional.of("A username has only lowercase letters (a–z), digits and underscores.");
        }
        if (RESERVED.contains(name)) {
            return Optional.of("“" + name + "” is reserved. Choose another username.");
        }
        return Optional.empty();
    }
}
