package coop.roseash.shared.fragments;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The fragment providers of this service, by type. */
@ApplicationScoped
public class FragmentProviders {

    private final Map<String, FragmentProvider> byType = new HashMap<>();

    public FragmentProviders(@Any Instance<FragmentProvider> providers) {
        for (FragmentProvider provider : providers) {
            FragmentProvider clash = byType.put(provider.type(), provider);
            if (clash != null) {
                throw new IllegalStateException("two providers of fragment " + provider.type() + ": "
                        + clash.getClass().getName() + " and " + provider.getClass().getName());
            }
        }
    }

    public Optional<FragmentProvider> forType(String type) {
        return Optional.ofNullable(byType.get(type));
    }

    public Set<String> types() {
        return Set.copyOf(byType.keySet());
    }
}
