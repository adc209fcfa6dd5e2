package coop.roseash.shared.contracts.archfixture;

import coop.roseash.shared.model.blog.archfixture.FixturePost;

/** A deliberate violation: a contract handing out an entity. */
public interface LeakyContract {
    FixturePost post(long id);
}
