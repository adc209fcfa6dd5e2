package coop.roseash.shared.bus;


import java.time.Instant;

/**
 * An activity as a handler sees it.
 *
 * @param attempt 1 on the first try, 2 on the first retry, ...
 */
public record ReceivedActivity(long id, String type, String actor, String objectJson, String originService,
                               Visibility visibility, Instant createdAt, int attempt) {
}
