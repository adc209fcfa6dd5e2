package coop.roseash.shared.web;

import java.util.Map;

/**
 * Fetches one fragment's HTML for the {@code (frag "service" "type" {params})} IO primitive. Implemented by the
 * fragments package; a fragment that fails is "" (a page never breaks because a provider did).
 */
public interface FragmentSource {
    /** The fragment's HTML, or "" when it is unavailable. */
    String fetch(String service, String type, Map<String, String> params);
}
