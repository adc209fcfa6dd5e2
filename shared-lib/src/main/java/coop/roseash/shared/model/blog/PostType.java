package coop.roseash.shared.model.blog;

import coop.roseash.shared.model.LowercaseEnumConverter;

/** Whether a row of {@code posts} is a post or a page (a page can be a container). */
public enum PostType {
    POST, PAGE;

    /** Stores the value as the lowercase text the schema checks. */
    public static class Converter extends LowercaseEnumConverter<PostType> {
        public Converter() {
            super(PostType.class);
        }
    }
}
