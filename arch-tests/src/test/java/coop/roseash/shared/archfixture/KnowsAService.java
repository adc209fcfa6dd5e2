package coop.roseash.shared.archfixture;

import coop.roseash.market.archfixture.ReachesIntoBlog;

/** A deliberate violation: shared-lib code depending on a service. */
public class KnowsAService {
    public Object service() {
        return new ReachesIntoBlog();
    }
}
