package coop.roseash.shared.bus;

import java.util.Set;

/**
 * A service's handler of activity types: implement it in an {@code @ApplicationScoped} bean.
 * The service's {@link EventProcessor} calls it once per activity of a handled type, inside a
 * transaction that also marks the delivery processed; throwing rolls that transaction back and
 * schedules a retry.
 */
public interface ActivityHandler {

    /** Wildcard type: the handler receives every activity. */
    String ALL = "*";

    /** The activity types this handler processes (for example {@code "Create"}), or {@link #ALL}. */
    Set<String> handles();

    /** Processes one activity; must not swallow failures it wants retried. */
    void handle(ReceivedActivity activity) throws Exception;
}
