/**
 * Who a route is for, declared on every JAX-RS resource method (or its class): exactly one of
 * {@link coop.roseash.shared.web.access.PublicRoute}, {@link coop.roseash.shared.web.access.MembersOnly},
 * {@link coop.roseash.shared.web.access.AdminOnly} and {@link coop.roseash.shared.web.access.InternalRoute}.
 *
 * <p>The annotations grant nothing: each route still checks its caller itself (blog's {@code AdminGate},
 * {@code @Authenticated}, the internal signature guard, an SX route's {@code :auth}). They say what the check is meant
 * to be, so tests can hold the code to it without a hand-kept list of routes: arch-tests' {@code RouteAccessTest}
 * wants exactly one on every route (and the admin gate only on admin routes), and e2e-tests'
 * {@code security.RouteAccessIT} walks every route of every running service as a visitor, a member and an admin.
 */
package coop.roseash.shared.web.access;
