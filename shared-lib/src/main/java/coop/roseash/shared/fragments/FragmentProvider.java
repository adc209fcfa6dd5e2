package coop.roseash.shared.fragments;

import coop.roseash.shared.fragments.catalogue.FragmentSpec;

/**
 * A fragment this service renders for other services' pages, served at {@code /internal/fragments/{type}}.
 * Implementations are CDI beans; {@link #render} returns HTML rendered by the SX engine.
 */
public interface FragmentProvider {

    /** The catalogue entry this provider answers ({@code FragmentCatalogue}); it must name this service as a provider. */
    FragmentSpec fragment();

    /** The fragment type, e.g. {@code nav-tree}; for {@code account-page/{slug}} the family {@code account-page}, with the slug in param {@code slug}. */
    default String type() {
        return fragment().name();
    }

    /** The fragment's HTML for these context parameters; may throw, which the endpoint turns into an empty 200. */
    String render(FragmentParams params);
}
