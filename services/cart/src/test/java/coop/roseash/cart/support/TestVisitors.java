package coop.roseash.cart.support;

import coop.roseash.shared.web.Visitor;
import coop.roseash.shared.web.VisitorSource;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Instance;

/**
 * Tests stand in for single sign-on: the visitor is named by the {@code X-Test-Visitor} header or the
 * {@code test-visitor} cookie (browser tests), as {@code member:ID:EMAIL}, {@code admin:ID:EMAIL} or {@code device:ID}
 * (an anonymous visitor's device).
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class TestVisitors implements VisitorSource {

    public static final String HEADER = "X-Test-Visitor";
    public static final String COOKIE = "test-visitor";

    private final Instance<HttpServerRequest> request;

    TestVisitors(Instance<HttpServerRequest> request) {
        this.request = request;
    }

    public static String member(long id) {
        return "member:" + id + ":member" + id + "@example.org";
    }

    public static String admin(long id) {
        return "admin:" + id + ":admin@rose-ash.coop";
    }

    public static String device(String id) {
        return "device:" + id;
    }

    @Override
    public Visitor current() {
        String spec;
        try {
            HttpServerRequest r = request.get();
            spec = r.getHeader(HEADER);
            if (spec == null && r.getCookie(COOKIE) != null) {
                spec = r.getCookie(COOKIE).getValue();
            }
        } catch (RuntimeException e) {
            return Visitor.ANONYMOUS;
        }
        if (spec == null || spec.isBlank()) {
            return Visitor.ANONYMOUS;
        }
        String[] parts = spec.split(":", 3);
        if (parts[0].equals("device")) {
            return new Visitor(null, null, null, false, parts[1]);
        }
        return new Visitor(Long.parseLong(parts[1]), parts[2], parts[2].substring(0, parts[2].indexOf('@')),
                parts[0].equals("admin"), null);
    }
}
