package coop.roseash.market.support;

import coop.roseash.shared.web.Visitor;
import coop.roseash.shared.web.VisitorSource;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Instance;

/**
 * Tests stand in for single sign-on: the visitor is named by the {@code X-Test-Visitor} header or the
 * {@code test-visitor} cookie (browser tests), as {@code userId:email:admin|member} for a member, or
 * {@code device:ID} for an anonymous visitor whose browser has a device id.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class TestVisitors implements VisitorSource {

    public static final String HEADER = "X-Test-Visitor";
    public static final String COOKIE = "test-visitor";
    public static final String ADMIN = "9001:admin@rose-ash.coop:admin";
    public static final String MEMBER = "9002:member@rose-ash.coop:member";

    private final Instance<HttpServerRequest> request;

    TestVisitors(Instance<HttpServerRequest> request) {
        this.request = request;
    }

    public static String member(long userId) {
        return userId + ":member" + userId + "@rose-ash.coop:member";
    }

    public static String device(String deviceId) {
        return "device:" + deviceId;
    }

    @Override
    public Visitor current() {
        String spec;
        try {
            HttpServerRequest r = request.get();
            spec = r.getHeader(HEADER);
            if (spec == null) {
                Cookie c = r.getCookie(COOKIE);
                spec = c == null ? null : c.getValue();
            }
        } catch (RuntimeException e) {
            return Visitor.ANONYMOUS;
        }
        if (spec == null || spec.isBlank()) {
            return Visitor.ANONYMOUS;
        }
        String[] parts = spec.split(":");
        if (parts[0].equals("device")) {
            return new Visitor(null, null, null, false, parts[1]);
        }
        return new Visitor(Long.parseLong(parts[0]), parts[1], parts[1].substring(0, parts[1].indexOf('@')),
                "admin".equals(parts[2]), null);
    }
}
