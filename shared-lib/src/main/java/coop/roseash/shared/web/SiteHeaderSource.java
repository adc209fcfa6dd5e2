package coop.roseash.shared.web;

import java.util.concurrent.CompletionStage;

/**
 * Fetches the site header's fragments (blog nav-tree, federation auth-menu, cart cart-mini) for one request.
 * Implemented by the fragments package; the page layout starts it while the page's data loads.
 *
 * @param userId the signed-in member's id, or null
 * @param deviceId the anonymous visitor's device id, or null
 */
public interface SiteHeaderSource {
    CompletionStage<SiteHeader> load(Long userId, String deviceId);
}
