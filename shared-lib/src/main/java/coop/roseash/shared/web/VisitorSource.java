package coop.roseash.shared.web;

/**
 * Tells the web glue who the current request's visitor is (for {@code current-user} and the site header).
 * Implemented by the auth package; until one exists every visitor is anonymous ({@link WebDefaults}).
 */
public interface VisitorSource {
    Visitor current();
}
