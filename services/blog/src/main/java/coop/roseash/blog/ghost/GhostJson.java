package coop.roseash.blog.ghost;

import com.fasterxml.jackson.databind.JsonNode;
import coop.roseash.blog.ghost.ImportedAuthor;
import coop.roseash.blog.ghost.ImportedPost;
import coop.roseash.blog.ghost.ImportedTag;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** Reads Ghost's API objects (Content API, Admin API and webhook payloads share their shape) into import DTOs. */
final class GhostJson {

    private GhostJson() {
    }

    /** A post or page; Content API items carry no status and are published. */
    static ImportedPost post(JsonNode n, String type) {
        List<ImportedTag> tags = new ArrayList<>();
        n.path("tags").forEach(t -> tags.add(tag(t)));
        JsonNode authorNode = n.hasNonNull("primary_author") ? n.get("primary_author") : n.path("authors").path(0);
        String status = text(n, "status");
        String excerpt = text(n, "custom_excerpt") != null ? text(n, "custom_excerpt") : text(n, "excerpt");
        return new ImportedPost(text(n, "id"), type, text(n, "title"), text(n, "slug"), text(n, "html"), excerpt,
                text(n, "feature_image"), status == null || "published".equals(status), instant(text(n, "published_at")),
                tags, authorNode.isMissingNode() || authorNode.isNull() ? null : author(authorNode));
    }

    static ImportedTag tag(JsonNode n) {
        return new ImportedTag(text(n, "id"), text(n, "name"), text(n, "slug"), text(n, "description"));
    }

    static ImportedAuthor author(JsonNode n) {
        return new ImportedAuthor(text(n, "id"), text(n, "name"), text(n, "slug"), text(n, "email"), text(n, "bio"),
                text(n, "profile_image"));
    }

    static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static Instant instant(String iso) {
        if (iso == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(iso).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
