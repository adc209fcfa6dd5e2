package coop.roseash.account.support;

import coop.roseash.account.sessions.CurrentSession;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Instance;

import java.util.Optional;

/** Tests stand in for the ID token's {@code sid}: the {@code X-Test-Session} header names the request's session. */
@Alternative
@Priority(1)
@ApplicationScoped
public class TestCurrentSession implements CurrentSession {

    public static final String HEADER = "X-Test-Session";

    private final Instance<HttpServerRequest> request;

    TestCurrentSession(Instance<HttpServerRequest> request) {
        this.request = request;
    }

    @Override
    public Optional<String> sid() {
        try {
            return Optional.ofNullable(request.get().getHeader(HEADER)).filter(s -> !s.isBlank());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
