package coop.roseash.blog.archfixture;

import coop.roseash.shared.model.blog.archfixture.FixturePost;

/** Allowed: blog code using a blog entity. */
public class UsesOwnPost {
    public String title(FixturePost post) {
        return post.title;
    }
}
