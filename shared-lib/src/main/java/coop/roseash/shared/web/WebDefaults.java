package coop.roseash.shared.web;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** Fallbacks used until the auth and fragments packages provide the real beans. */
@ApplicationScoped
class WebDefaults {

    @Produces
    @DefaultBean
    @ApplicationScoped
    VisitorSource anonymousVisitors() {
        return () -> Visitor.ANONYMOUS;
    }

    @Produces
    @DefaultBean
    @ApplicationScoped
    SiteHeaderSource emptyHeader() {
        return (userId, deviceId) -> java.util.concurrent.CompletableFuture.completedFuture(SiteHeader.EMPTY);
    }
}
