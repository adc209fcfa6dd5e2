package coop.roseash.e2e.security;

import static org.assertj.core.api.Assertions.assertThat;

import coop.roseash.e2e.RunningPlatform;
import coop.roseash.e2e.SharedPlatform;
import coop.roseash.e2e.TestDatabase;
import coop.roseash.launcher.PlatformConfig;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every route of every running service, as a visitor who is not signed in, as a member and as an admin, held to the
 * access it declares (RouteCatalogue reads the routes and their declarations from the packaged jars, so a new route is
 * walked without anyone adding it here). Visitors are sent to sign in or refused on member and admin routes; members
 * get 403 on admin routes; admins and members get through where they belong; internal routes refuse unsigned
 * requests from anyone; a state-changing request without the CSRF token is refused and changes nothing; and a member
 * never sees, or changes, another member's objects through any route that takes an id.
 */
@ExtendWith(SharedPlatform.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Order(50)
class RouteAccessIT {

    /** config/app-config.yaml's {@code roseash.admins}. */
    private static final String ADMIN_EMAIL = "admin@rose-ash.coop";
    /** An id no row has: what admins' state-changing requests name, so walking them changes nothing. */
    private static final String NO_SUCH_ID = "987654321";
    /** Written by background work (activity delivery, token refresh), not by requests: left out of the fingerprint. */
    private static final Set<String> BACKGROUND_TABLES = Set.of("ap_activities", "activity_deliveries",
            "activity_subscriptions", "refresh_tokens", "authorization_codes", "flyway_schema_history");
    private static final String CROSS_SITE = "http://evil.localhost:18099";

    private static RunningPlatform platform;
    private static TestDatabase db;
    private static final List<Route> routes = new ArrayList<>();

    private static WebSession visitor;
    /** Member A: owns a draft post and a cart row. */
    private static WebSession owner;
    private static String ownerEmail;
    /** Member B: another member, who must not reach A's objects. */
    private static WebSession member;
    private static WebSession admin;

    /** Something only A's objects contain. */
    private static String marker;
    /** A's objects, as a route would name them: the draft's id and slug, the cart row's id. */
    private static List<String> ownersKeys;
    private static String ownersPost;

    @BeforeAll
    static void readTheRoutesSignInAndSeed() throws Exception {
        SharedPlatform shared = SharedPlatform.get();
        platform = shared.platform();
        db = shared.database();
        Path root = Path.of(System.getProperty("roseash.repo.root", "..")).toAbsolutePath().normalize();
        for (String service : PlatformConfig.SERVICE_NAMES) {
            routes.addAll(RouteCatalogue.of(root, service));
        }

        visitor = new WebSession("a visitor who is not signed in");
        ownerEmail = "owner." + SharedPlatform.RUN + "@example.org";
        owner = signIn("member A", ownerEmail, shared.mailDir());
        member = signIn("member B", "other." + SharedPlatform.RUN + "@example.org", shared.mailDir());
        admin = signIn("an admin", ADMIN_EMAIL, shared.mailDir());

        marker = "private-" + SharedPlatform.RUN;
        String slug = "draft-" + SharedPlatform.RUN;
        long ownerId = db.userId(ownerEmail);
        ownersPost = Long.toString(db.insertDraftPostBy(ownerId, slug, "Draft " + marker, "<p>Body " + marker + "</p>"));
        String cartRow = Long.toString(db.insertMemberCartItem(ownerId, 31, 1));
        ownersKeys = List.of(ownersPost, slug, cartRow);
    }

    @Test
    @Order(1)
    void theWalkCoversEveryServiceAndEveryKindOfRoute() {
        StringBuilder table = new StringBuilder("[e2e] routes walked:\n");
        routes.forEach(route -> table.append("  ").append(route).append('\n'));
        System.out.print(table);
        for (String service : PlatformConfig.SERVICE_NAMES) {
            assertThat(routes).as(service + ": its home and its internal fragments")
                    .anyMatch(r -> r.service().equals(service) && r.access() == Route.Access.PUBLIC && r.template().equals("/"))
                    .anyMatch(r -> r.service().equals(service) && r.access() == Route.Access.INTERNAL);
        }
        assertThat(routes)
                .anyMatch(r -> r.access() == Route.Access.ADMIN && r.changesState())
                .anyMatch(r -> r.access() == Route.Access.MEMBERS)
                .anyMatch(r -> !r.parameters().isEmpty() && r.access() != Route.Access.INTERNAL)
                .anyMatch(r -> r.changesState() && !r.csrfExempt());
    }

    @Test
    @Order(2)
    void visitorsWhoAreNotSignedInAreSentToSignInOrRefusedOnEveryMemberAndAdminRoute() {
        assertThat(walk(routes(Route.Access.MEMBERS, Route.Access.ADMIN), List.of(visitor), route -> ownersPost,
                RouteAccessIT::refused, "a redirect to sign in, 400, 401 or 403")).isEmpty();
    }

    @Test
    @Order(3)
    void membersGet403OnEveryAdminRoute() {
        // with A's ids (B is no author of A's draft either); writes name no real row, so one that wrongly got through
        // changes nothing here (the IDOR probe below writes to A's rows on purpose, and watches the database)
        assertThat(walk(routes(Route.Access.ADMIN), List.of(member), route -> route.changesState() ? NO_SUCH_ID : ownersPost,
                response -> response.statusCode() == 403, "403")).isEmpty();
    }

    @Test
    @Order(4)
    void adminsGetThroughEveryAdminRouteAndMembersAndAdminsEveryMemberRoute() {
        // admins' state-changing requests name no real row, so they pass the gate and change nothing
        assertThat(walk(routes(Route.Access.ADMIN), List.of(admin), route -> route.changesState() ? NO_SUCH_ID : ownersPost,
                RouteAccessIT::gotThrough, "through the gate: no 401/403, no sign-in, no 5xx")).isEmpty();
        assertThat(walk(routes(Route.Access.MEMBERS), List.of(member, admin), route -> ownersPost,
                RouteAccessIT::gotThrough, "through: no 401/403, no sign-in, no 5xx")).isEmpty();
    }

    @Test
    @Order(5)
    void internalRoutesRefuseUnsignedRequestsFromEveryone() {
        assertThat(walk(routes(Route.Access.INTERNAL), List.of(visitor, member, admin), route -> ownersPost,
                response -> response.statusCode() == 403, "403")).isEmpty();
    }

    @Test
    @Order(6)
    void publicRoutesAnswerVisitorsWithoutAServerError() {
        assertThat(walk(routes(Route.Access.PUBLIC), List.of(visitor), route -> ownersPost,
                response -> response.statusCode() < 500, "no 5xx")).isEmpty();
    }

    @Test
    @Order(7)
    void stateChangingRequestsWithoutTheCsrfTokenAreRefusedAndChangeNothing() {
        // only public machine endpoints (token, webhooks, back-channel logout) may opt out: what signed-in browsers
        // use is cookie-authenticated, so it is checked even when someone marked it @CsrfExempt
        List<Route> checked = routes.stream().filter(r -> r.changesState() && r.access() != Route.Access.INTERNAL
                && !(r.csrfExempt() && r.access() == Route.Access.PUBLIC)).toList();
        String before = db.fingerprint(BACKGROUND_TABLES);
        // what a page elsewhere makes the visitor's browser send: real ids, no token
        List<String> wrong = new ArrayList<>();
        for (Route route : checked) {
            for (WebSession who : List.of(visitor, member, admin)) {
                HttpResponse<String> response = call(who, route, ownersPost, false,
                        Map.of("Origin", CROSS_SITE, "Sec-Fetch-Site", "cross-site"));
                if (response.statusCode() != 403) {
                    wrong.add(describe(route, who, response, "403"));
                }
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(db.fingerprint(BACKGROUND_TABLES)).as("the database after the refused requests").isEqualTo(before);
    }

    @Test
    @Order(8)
    void aMemberNeverSeesOrChangesAnotherMembersObjectsThroughAnyRouteThatTakesAnId() {
        List<Route> withIds = routes.stream()
                .filter(r -> !r.parameters().isEmpty() && r.access() != Route.Access.INTERNAL)
                // reads first: a write that wrongly got through must not hide what a read would have shown
                .sorted(Comparator.comparing(Route::changesState)).toList();

        // the probe looks for something really there: A, on the same routes, sees their own draft somewhere
        assertThat(withIds.stream().filter(r -> !r.changesState())
                .flatMap(route -> ownersKeys.stream().map(key -> call(owner, route, key, true, Map.of())))
                .filter(response -> response.statusCode() == 200 && response.body().contains(marker)))
                .as("routes where member A sees their own draft").isNotEmpty();

        String before = db.fingerprint(BACKGROUND_TABLES);
        List<String> wrong = new ArrayList<>();
        for (Route route : withIds) {
            for (String key : ownersKeys) {
                HttpResponse<String> response = call(member, route, key, true, Map.of());
                if (response.body().contains(marker) || response.body().contains(ownerEmail)) {
                    wrong.add(describe(route, member, response, "nothing of member A's") + " with " + key);
                }
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(db.fingerprint(BACKGROUND_TABLES)).as("the database after B's requests").isEqualTo(before);
    }

    private static WebSession signIn(String name, String email, Path mailDir) throws InterruptedException {
        return WebSession.signIn(name, email, mailDir, RouteAccessIT::url, List.of("market", "cart", "events", "account"));
    }

    /**
     * Each route requested by each of {@code who} (path parameters from {@code key}, state-changing requests with the
     * visitor's CSRF token); what did not answer as {@code expected}, one line each.
     */
    private static List<String> walk(List<Route> walked, List<WebSession> who, Function<Route, String> key,
                                     Predicate<HttpResponse<String>> expected, String wanted) {
        List<String> wrong = new ArrayList<>();
        for (Route route : walked) {
            for (WebSession session : who) {
                HttpResponse<String> response = call(session, route, key.apply(route), true, Map.of());
                if (!expected.test(response)) {
                    wrong.add(describe(route, session, response, wanted));
                }
            }
        }
        return wrong;
    }

    private static List<Route> routes(Route.Access... access) {
        Set<Route.Access> wanted = Set.of(access);
        return routes.stream().filter(r -> wanted.contains(r.access())).toList();
    }

    /**
     * The route requested by {@code who}, every path parameter filled from {@code key} ({@code type} names a fragment
     * every service has); a state-changing request carries an empty form, with the visitor's CSRF token when
     * {@code withToken}.
     */
    private static HttpResponse<String> call(WebSession who, Route route, String key, boolean withToken,
                                             Map<String, String> headers) {
        String base = url(route.service());
        Map<String, String> values = new HashMap<>();
        for (String parameter : route.parameters()) {
            values.put(parameter, parameter.equals("type") ? "nav-tree" : key);
        }
        Map<String, String> allHeaders = new HashMap<>(headers);
        Map<String, String> form = null;
        if (route.changesState()) {
            form = new HashMap<>();
            if (withToken) {
                String token = who.csrfToken(base);
                form.put("_csrf", token);
                allHeaders.put("X-CSRF-Token", token);
                allHeaders.put("Origin", base);
                allHeaders.put("Sec-Fetch-Site", "same-origin");
            }
        }
        return who.send(route.method(), base + route.path(values), allHeaders, form);
    }

    /** Not let in: sent to sign in, or 400/401/403 (an incomplete request is refused before anything is shown). */
    private static boolean refused(HttpResponse<String> response) {
        int status = response.statusCode();
        return status == 400 || status == 401 || status == 403 || WebSession.isRedirect(status) && toSignIn(response);
    }

    /** Past the access check: whatever the route then says (200, 303, 400, 404, 409), but no 401/403 or 5xx. */
    private static boolean gotThrough(HttpResponse<String> response) {
        int status = response.statusCode();
        return status != 401 && status != 403 && status < 500 && !(WebSession.isRedirect(status) && toSignIn(response));
    }

    private static boolean toSignIn(HttpResponse<String> response) {
        String location = WebSession.location(response);
        return location.contains("/auth/login") || location.contains("/auth/silent") || location.contains("/oauth/authorize");
    }

    private static String describe(Route route, WebSession who, HttpResponse<String> response, String wanted) {
        String location = WebSession.isRedirect(response.statusCode()) ? " to " + WebSession.location(response) : "";
        return route + " as " + who + ": " + response.statusCode() + location + ", wants " + wanted;
    }

    private static String url(String service) {
        return platform.address(service).publicUrl();
    }
}
