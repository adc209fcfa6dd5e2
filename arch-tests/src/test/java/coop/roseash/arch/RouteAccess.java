package coop.roseash.arch;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every JAX-RS route declares who it is for, exactly once (coop.roseash.shared.web.access), and the declaration agrees
 * with the checks the code makes: the admin gate only on {@code @AdminOnly} routes and on every one of them,
 * {@code @Authenticated} only on {@code @MembersOnly} routes, {@code /internal/...} exactly on {@code @InternalRoute}
 * routes, {@code @CsrfExempt} only on public ones (machine endpoints). The running platform is held to the same declarations by e2e-tests' {@code security.RouteAccessIT}.
 */
final class RouteAccess {

    static final List<String> HTTP_METHODS = List.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS").stream()
            .map(m -> "jakarta.ws.rs." + m).toList();
    static final String PUBLIC = "coop.roseash.shared.web.access.PublicRoute";
    static final String MEMBERS = "coop.roseash.shared.web.access.MembersOnly";
    static final String ADMIN = "coop.roseash.shared.web.access.AdminOnly";
    static final String INTERNAL = "coop.roseash.shared.web.access.InternalRoute";
    static final List<String> LEVELS = List.of(PUBLIC, MEMBERS, ADMIN, INTERNAL);
    static final String CSRF_EXEMPT = "coop.roseash.shared.web.csrf.CsrfExempt";
    /** A REST client interface (cart's SumUp API) describes someone else's routes, not ours. */
    static final String REST_CLIENT = "org.eclipse.microprofile.rest.client.inject.RegisterRestClient";
    /** The admin gate's checks (blog's AdminGate): a call to one of these on a class named *Gate. */
    static final List<String> ADMIN_CHECKS = List.of("requireAdmin", "requireEditorOf");

    private RouteAccess() {
    }

    /** What is wrong with the routes among {@code classes}, one line each; empty when all is well. */
    static List<String> problems(JavaClasses classes) {
        List<String> problems = new ArrayList<>();
        for (JavaClass owner : classes) {
            if (owner.isAnnotatedWith(REST_CLIENT)) {
                continue;
            }
            for (JavaMethod route : owner.getMethods()) {
                if (HTTP_METHODS.stream().anyMatch(route::isAnnotatedWith)) {
                    problems.addAll(problems(owner, route));
                }
            }
        }
        return problems;
    }

    private static List<String> problems(JavaClass owner, JavaMethod route) {
        String name = owner.getName() + "#" + route.getName();
        List<String> levels = LEVELS.stream()
                .filter(level -> route.isAnnotatedWith(level) || owner.isAnnotatedWith(level)).toList();
        long declarations = LEVELS.stream().filter(route::isAnnotatedWith).count()
                + LEVELS.stream().filter(owner::isAnnotatedWith).count();
        if (declarations != 1) {
            return List.of(name + ": " + declarations + " access declarations " + simpleNames(levels)
                    + ", wants exactly one of @PublicRoute, @MembersOnly, @AdminOnly, @InternalRoute (on the method or its class)");
        }
        String level = levels.get(0);
        List<String> problems = new ArrayList<>();
        boolean gated = route.getMethodCallsFromSelf().stream().anyMatch(call ->
                call.getTargetOwner().getSimpleName().endsWith("Gate") && ADMIN_CHECKS.contains(call.getName()));
        if (gated != level.equals(ADMIN)) {
            problems.add(name + (gated ? ": calls the admin gate but is not @AdminOnly" : ": is @AdminOnly but never calls the admin gate"));
        }
        if ((route.isAnnotatedWith(CSRF_EXEMPT) || owner.isAnnotatedWith(CSRF_EXEMPT)) && !level.equals(PUBLIC)) {
            problems.add(name + ": @CsrfExempt but not @PublicRoute (signed-in browsers use it with their cookies)");
        }
        if (route.isAnnotatedWith("io.quarkus.security.Authenticated") && !level.equals(MEMBERS)) {
            problems.add(name + ": @Authenticated but not @MembersOnly");
        }
        boolean internalPath = path(owner, route).startsWith("/internal");
        if (internalPath != level.equals(INTERNAL)) {
            problems.add(name + (internalPath ? ": an /internal route that is not @InternalRoute" : ": @InternalRoute outside /internal"));
        }
        return problems;
    }

    /** The route's path template: its class's {@code @Path} and its own. */
    static String path(JavaClass owner, JavaMethod route) {
        String path = "/" + pathOf(owner.tryGetAnnotationOfType("jakarta.ws.rs.Path").map(a -> a.get("value")))
                + "/" + pathOf(route.tryGetAnnotationOfType("jakarta.ws.rs.Path").map(a -> a.get("value")));
        return path.replaceAll("/+", "/");
    }

    private static String pathOf(Optional<Optional<Object>> value) {
        return value.flatMap(v -> v).map(Object::toString).orElse("");
    }

    private static List<String> simpleNames(List<String> levels) {
        return levels.stream().map(l -> "@" + l.substring(l.lastIndexOf('.') + 1)).toList();
    }
}
