package coop.roseash.shared.web;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/**
 * Redirects after a form post or action: {@code 303 See Other} for a browser, {@code 200} with {@code SX-Redirect}
 * for an sx.js request (a fetch would follow a 3xx silently and swap the target page into the element).
 */
public final class SxRedirect {

    private SxRedirect() {}

    /** Redirects to {@code path}, a path on this service ({@code /orders/42}); anything else is refused. */
    public static Response to(HttpHeaders request, String path) {
        requireLocalPath(path);
        if ("true".equalsIgnoreCase(request.getHeaderString(SxHeaders.SX_REQUEST))) {
            return Response.ok().header(SxHeaders.SX_REDIRECT, path).header(HttpHeaders.VARY, SxHeaders.SX_REQUEST).build();
        }
        return Response.seeOther(URI.create(path)).header(HttpHeaders.VARY, SxHeaders.SX_REQUEST).build();
    }

    // an open redirect would let anyone borrow our host name for a phishing link
    static void requireLocalPath(String path) {
        if (path == null || !path.startsWith("/") || path.startsWith("//") || path.contains("\\")
                || path.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new IllegalArgumentException("redirect target must be a path on this service: " + path);
        }
    }
}
