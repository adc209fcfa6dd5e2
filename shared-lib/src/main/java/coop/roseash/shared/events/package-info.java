/**
 * The platform's event bus (platform.md §5): activities are rows of {@code ap_activities} written in
 * the business transaction by {@link coop.roseash.shared.events.ActivityPublisher}, with one
 * {@code activity_deliveries} row per consuming service; each service's
 * {@link coop.roseash.shared.events.EventProcessor} claims its due rows and runs its
 * {@link coop.roseash.shared.events.ActivityHandler}s.
 */
package coop.roseash.shared.events;
