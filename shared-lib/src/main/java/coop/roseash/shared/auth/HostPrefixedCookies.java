package coop.roseash.shared.auth;

import coop.roseash.shared.web.csrf.CsrfTokens;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.MultiMap;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.impl.ServerCookie;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Over HTTPS, this service's session and sign-in cookies carry the {@code __Host-} prefix: a browser
 * then keeps them only when Secure, {@code Path=/} and without {@code Domain}, so no sibling subdomain
 * (every service has one) can set or overwrite them, and no plain-HTTP response can either.
 *
 * <p>Quarkus OIDC names its cookies {@code q_session}, {@code q_auth_...} with no way to prefix them
 * (quarkus#35562), so names are translated at the edge, before authentication runs: a
 * {@code __Host-q_session} cookie arrives as {@code q_session}; an unprefixed copy arriving over HTTPS
 * is dropped (it can only have been planted); every managed cookie leaves as {@code __Host-name}. Over
 * plain HTTP (local runs, tests) nothing changes: browsers refuse {@code __Host-} cookies there.
 */
@ApplicationScoped
public class HostPrefixedCookies {
    public static final String PREFIX = "__Host-";
    /** Before CORS (300) and authentication (200), which read the session cookie. */
    static final int PRIORITY = 1_000;
    private static final Set<String> OWN_NAMES = Set.of(DeviceCookies.NAME, DeviceCookies.CHECKED,
            DeviceCookies.RETURN_TO, CsrfTokens.COOKIE);

    void register(@Observes Filters filters) {
        filters.register(HostPrefixedCookies::translate, PRIORITY);
    }

    /** Cookies this service sets itself: Quarkus OIDC's ({@code q_...}) and the single sign-on and CSRF ones. */
    private static boolean managed(String name) {
        return name.startsWith("q_") || OWN_NAMES.contains(name);
    }

    private static void translate(RoutingContext rc) {
        if (rc.request().isSSL()) {
            MultiMap headers = rc.request().headers();
            List<String> sent = headers.getAll(HttpHeaders.COOKIE);
            if (!sent.isEmpty()) {
                String kept = unprefixed(String.join("; ", sent));
                headers.remove(HttpHeaders.COOKIE);
                if (!kept.isEmpty()) {
                    headers.set(HttpHeaders.COOKIE, kept);
                }
            }
            rc.addHeadersEndHandler(v -> prefixOutgoing(rc));
        }
        rc.next();
    }

    /** The request's Cookie header as the application should see it. */
    private static String unprefixed(String cookieHeader) {
        List<String> kept = new ArrayList<>();
        for (String pair : cookieHeader.split(";")) {
            String p = pair.trim();
            int eq = p.indexOf('=');
            String name = eq < 0 ? p : p.substring(0, eq);
            if (name.startsWith(PREFIX) && managed(name.substring(PREFIX.length()))) {
                kept.add(p.substring(PREFIX.length()));
            } else if (!p.isEmpty() && !managed(name)) {
                kept.add(p);
            }
        }
        return String.join("; ", kept);
    }

    private static void prefixOutgoing(RoutingContext rc) {
        MultiMap headers = rc.response().headers();
        // written as header lines (JAX-RS NewCookie, the CSRF cookie)
        List<String> lines = headers.getAll(HttpHeaders.SET_COOKIE);
        if (!lines.isEmpty()) {
            headers.remove(HttpHeaders.SET_COOKIE);
            lines.forEach(line -> headers.add(HttpHeaders.SET_COOKIE, prefixed(line)));
        }
        // added to Vert.x's cookie jar (Quarkus OIDC); only changed ones are sent
        List<Cookie> changed = rc.request().cookies().stream()
                .filter(c -> managed(c.getName()) && c instanceof ServerCookie s && s.isChanged()).toList();
        for (Cookie c : changed) {
            rc.response().removeCookie(c.getName(), false);
            headers.add(HttpHeaders.SET_COOKIE, hostOnly(c).encode());
        }
    }

    /** A Set-Cookie line for a managed cookie, renamed and made host-only, Secure and Path=/. */
    private static String prefixed(String setCookie) {
        String[] parts = setCookie.split(";");
        int eq = parts[0].indexOf('=');
        if (eq < 0 || !managed(parts[0].substring(0, eq).trim())) {
            return setCookie;
        }
        StringBuilder out = new StringBuilder(PREFIX).append(parts[0].trim());
        for (int i = 1; i < parts.length; i++) {
            String attr = parts[i].trim();
            String key = attr.contains("=") ? attr.substring(0, attr.indexOf('=')) : attr;
            if (!key.equalsIgnoreCase("domain") && !key.equalsIgnoreCase("path") && !key.equalsIgnoreCase("secure")
                    && !attr.isEmpty()) {
                out.append("; ").append(attr);
            }
        }
        return out.append("; Path=/; Secure").toString();
    }

    private static Cookie hostOnly(Cookie c) {
        Cookie out = Cookie.cookie(PREFIX + c.getName(), c.getValue()).setPath("/").setSecure(true)
                .setHttpOnly(c.isHttpOnly()).setSameSite(c.getSameSite());
        if (c.getMaxAge() != Long.MIN_VALUE) {
            out.setMaxAge(c.getMaxAge());
        }
        return out;
    }
}
