package coop.roseash.shared.bus;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** This service's {@link ActivityHandler} beans, by the activity types they handle. */
@ApplicationScoped
public class ActivityHandlers {

    @Inject
    @Any
    Instance<ActivityHandler> beans;

    /** Every type some handler declares (possibly {@link ActivityHandler#ALL}). */
    public Set<String> types() {
        Set<String> types = new TreeSet<>();
        beans.forEach(h -> types.addAll(h.handles()));
        return types;
    }

    /** The handlers to run for an activity of this type, in a stable order. */
    public List<ActivityHandler> forType(String type) {
        return beans.stream()
                .filter(h -> h.handles().contains(type) || h.handles().contains(ActivityHandler.ALL))
                .sorted((a, b) -> a.getClass().getName().compareTo(b.getClass().getName()))
                .toList();
    }
}
