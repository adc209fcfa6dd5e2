package coop.roseash.shared.model.blog.archfixture;

/** Stands in for a blog entity in the boundary rules' own test. */
public class FixturePost {
    public String title;
}
