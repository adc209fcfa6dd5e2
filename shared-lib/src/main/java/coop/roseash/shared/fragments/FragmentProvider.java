package coop.roseash.shared.fragments;

/**
 * A fragment this service renders for other services' pages, served at {@code /internal/fragments/{type}}.
 * Implementations are CDI beans; {@link #render} returns HTML rendered by the SX engine.
 */
public interface FragmentProvider {

    /** The fragment type, e.g. {@code nav-tree}; for {@code account-page/{slug}} the family {@code account-page}, with the slug in param {@code slug}. */
    String type();

    /** The fragment's HTML for these context parameters; may throw, which the endpoint turns into an empty 200. */
    String render(FragmentParams params);
}
