package coop.roseash.shared.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;

/** A site header with fixed markup that counts how often it was asked for (enabled by SiteHeaderTest's profile). */
@Alternative
@ApplicationScoped
public class RecordingHeaderSource implements SiteHeaderSource {

    static final AtomicInteger LOADS = new AtomicInteger();
    static final SiteHeader HEADER = new SiteHeader("<ul><li><a href=\"/\">Blog</a></li></ul>",
            "<a class=\"sign-in\" href=\"/auth/login\">Sign in</a>", "<a class=\"cart\" href=\"/cart/\">3</a>");

    @Override
    public CompletionStage<SiteHeader> load(Long userId, String deviceId) {
        LOADS.incrementAndGet();
        return CompletableFuture.completedFuture(HEADER);
    }
}
