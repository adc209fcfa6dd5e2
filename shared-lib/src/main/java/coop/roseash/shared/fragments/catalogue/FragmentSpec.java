package coop.roseash.shared.fragments.catalogue;

import coop.roseash.shared.fragments.FragmentKey;
import coop.roseash.shared.fragments.FragmentParams;

import java.time.Duration;
import java.util.Set;

/**
 * One fragment of the catalogue: its name, the services that provide it, the context parameters it
 * understands and how long consumers cache it. A family ({@code account-page/{slug}}) is requested as
 * {@code name/slug}. Consumers build their requests through {@link #key}, so an unknown parameter or a
 * service that does not provide the fragment is a bug found by the first test that renders the page.
 */
public record FragmentSpec(String name, Set<String> providers, Set<String> params, Duration ttl, boolean family) {

    public FragmentSpec {
        providers = Set.copyOf(providers);
        params = Set.copyOf(params);
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("fragment " + name + " needs a positive TTL");
        }
    }

    /** The request for this fragment from {@code provider} with these parameters. */
    public FragmentKey key(String provider, FragmentParams params) {
        requireProvider(provider);
        requireKnownParams(params);
        return new FragmentKey(provider, name, params);
    }

    /** The request for this fragment from its only provider. */
    public FragmentKey key(FragmentParams params) {
        return key(onlyProvider(), params);
    }

    /** The request for one member of a family, e.g. {@code account-page/tickets}. */
    public FragmentKey key(String provider, String slug, FragmentParams params) {
        if (!family) {
            throw new IllegalArgumentException("fragment " + name + " is not a family; it takes no slug");
        }
        requireProvider(provider);
        requireKnownParams(params);
        return new FragmentKey(provider, name + "/" + slug, params);
    }

    /** The single provider of this fragment; a fragment with several providers must be asked for by provider. */
    public String onlyProvider() {
        if (providers.size() != 1) {
            throw new IllegalArgumentException("fragment " + name + " has several providers " + providers + "; name one");
        }
        return providers.iterator().next();
    }

    /** Whether {@code type} (as requested, {@code account-page/x} for a family) is this fragment. */
    public boolean matches(String type) {
        return type.equals(name) || (family && type.startsWith(name + "/"));
    }

    void requireProvider(String provider) {
        if (!providers.contains(provider)) {
            throw new IllegalArgumentException("fragment " + name + " is provided by " + providers + ", not by " + provider);
        }
    }

    void requireKnownParams(FragmentParams given) {
        for (String param : given.values().keySet()) {
            if (!params.contains(param)) {
                throw new IllegalArgumentException("fragment " + name + " takes no parameter '" + param
                        + "' (it takes " + params + ")");
            }
        }
    }
}
