/**
 * The platform's event bus (docs/spec/platform.md §5): cross-service events are rows.
 *
 * <h2>Publishing</h2>
 * {@link coop.roseash.shared.bus.ActivityPublisher#publish(String, String, Object,
 * coop.roseash.shared.bus.Visibility)} (object serialized with Jackson, origin = this
 * service) or the five-argument form with JSON text. It must run inside the business transaction
 * ({@code MANDATORY}): the {@code ap_activities} row and one pending {@code activity_deliveries} row
 * per service subscribed to the type commit or roll back with the business change.
 *
 * <h2>Handling</h2>
 * An {@code @ApplicationScoped} bean implementing {@link coop.roseash.shared.bus.ActivityHandler}
 * declares its types ({@code "*"} for all). At start-up each service writes its types to
 * {@code activity_subscriptions} under {@code roseash.service.name}, so publishers anywhere know the
 * consumers. A service only receives activities published after it subscribed.
 *
 * <h2>Processing</h2>
 * {@link coop.roseash.shared.bus.EventProcessor} polls every {@code roseash.event-bus.every}
 * (default {@code 1s}; {@code off} disables it). It leases up to {@code batch-size} (50) due rows
 * with {@code FOR UPDATE SKIP LOCKED}, stamping them with a claim token and pushing
 * {@code next_attempt_at} out by {@code lease} (5m); then it handles each row in its own
 * transaction under a row lock, only while its token still holds it, and marks it processed in that
 * transaction. So each delivery is handled by one replica, once; a crashed replica's rows come back
 * when the lease runs out. A handler that throws rolls its work back; the attempt is counted, the
 * error kept in {@code last_error}, and the next try waits {@code initial-backoff} (1s) doubled per
 * failure up to {@code max-backoff} (10m); after {@code max-attempts} (8) the row is {@code failed}
 * and {@link coop.roseash.shared.bus.FailedDeliveries} can requeue it. Handlers must therefore be
 * safe to retry after a rollback, and anything they do outside the database (HTTP, mail) may happen
 * again on a retry. Outcomes are counted in the {@code roseash.event.deliveries} metric.
 */
package coop.roseash.shared.bus;
