package coop.roseash.arch.routefixture;

/** Stands in for blog's AdminGate in RouteAccessTest. */
public class FixtureAdminGate {
    public void requireAdmin() {
    }
}
