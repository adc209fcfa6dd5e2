package coop.roseash.market.archfixture;

import coop.roseash.shared.model.blog.archfixture.FixturePost;

/** A deliberate violation for {@code BoundaryRulesCatchViolationsTest}: market code using a blog entity. */
public class ReachesIntoBlog {
    public String title(FixturePost post) {
        return post.title;
    }
}
