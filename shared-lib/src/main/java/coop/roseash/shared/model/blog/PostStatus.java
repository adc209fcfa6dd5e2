package coop.roseash.shared.model.blog;

import coop.roseash.shared.model.LowercaseEnumConverter;

/** Publication state of a post or page. */
public enum PostStatus {
    DRAFT, PUBLISHED;

    /** Stores the value as the lowercase text the schema checks. */
    public static class Converter extends LowercaseEnumConverter<PostStatus> {
        public Converter() {
            super(PostStatus.class);
        }
    }
}
