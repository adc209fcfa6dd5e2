package coop.roseash.blog.ghost;

import java.net.http.HttpRequest;
import java.util.Optional;

/**
 * How the import reaches Ghost: the Admin API (all statuses, author emails; a signed token per request) or the
 * Content API (published content only; a key in the query). The Admin API wins when both keys are configured.
 */
sealed interface GhostAccess permits AdminApiKey, ContentApiKey {

    /** "Admin API" or "Content API". */
    String name();

    /** What the import page says about it. */
    String description();

    /** The configuration key holding this access's key, for error messages. */
    String configKey();

    /** The API's root path, e.g. {@code /ghost/api/admin/}. */
    String apiPath();

    /** Where the API lists people: the Admin API's {@code users}, the Content API's {@code authors}. */
    String authorsResource();

    /** Query parameters this access adds to every request ("" or {@code name=value}). */
    String query();

    /** Adds this access's headers to a request. */
    void authorize(HttpRequest.Builder request);

    /** The configured access, if any: the Admin API key when set, else the Content API key. */
    static Optional<GhostAccess> fromConfig(Optional<String> contentKey, Optional<String> adminKey) {
        Optional<String> admin = adminKey.map(String::strip).filter(s -> !s.isEmpty());
        if (admin.isPresent()) {
            return Optional.of(AdminApiKey.parse(admin.get()));
        }
        return contentKey.map(String::strip).filter(s -> !s.isEmpty()).map(ContentApiKey::new);
    }
}
