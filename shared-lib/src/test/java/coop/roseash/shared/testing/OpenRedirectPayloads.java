package coop.roseash.shared.testing;

import java.util.List;

/**
 * The usual open-redirect payloads, for every test of a return-path guard (shared-lib's {@code ReturnTo},
 * federation's {@code ContinueUrl}): each must fall back to the home page. {@link #OWN_PATHS} are
 * paths on the service's own host, the only targets the platform allows, which must pass unchanged.
 */
public final class OpenRedirectPayloads {
    public static final List<String> ATTACKS = List.of(
            // absolute URLs to other hosts, and userinfo tricks
            "https://evil.example/", "http://evil.example", "HTTPS://evil.example/", "https://roseash.test@evil.example/",
            "https://evil.example\\@roseash.test/", "//roseash.test@evil.example", "https:evil.example",
            // protocol-relative and backslash forms
            "//evil.example/", "///evil.example/", "////evil.example", "/\\evil.example", "\\\\evil.example",
            "\\/evil.example", "/\\/evil.example", "\\evil.example",
            // encoded slashes and backslashes, once and twice
            "/%5Cevil.example", "/%5cevil.example", "/%2F%2Fevil.example", "/%2f%2fevil.example", "/%2F/evil.example",
            "/%255Cevil.example", "/%252F%252Fevil.example", "/%2F%252Fevil.example", "/%5C%5Cevil.example",
            // line breaks, tabs and other control characters (browsers drop some: /\t/evil is //evil)
            "/%0d%0aSet-Cookie:x=1", "/%0D%0ALocation:https://evil.example", "/%250d%250aSet-Cookie:x=1",
            "/\r\nSet-Cookie:x=1", "/\t/evil.example", "/\n/evil.example", "/%09/evil.example", "/%00evil",
            "/a\u0000", "/\u0085/evil.example", "/\u007f/evil.example", "/\u2028/evil.example",
            // other schemes
            "javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,<script>alert(1)</script>",
            "vbscript:msgbox(1)", "file:///etc/passwd",
            // whitespace before or inside
            " /orders", " //evil.example", "\t//evil.example", "\u00a0//evil.example", "\u3000//evil.example",
            "/a b", "/\u00a0/evil.example",
            // not a path at all, or a malformed one
            "", "orders", "evil.example", "?next=//evil.example", "#//evil.example", "/%zz", "/a%", "/a<b>", "/a\"b",
            "/a;b", "/a,b");

    public static final List<String> OWN_PATHS = List.of(
            "/", "/orders/42", "/search?q=rose&page=2", "/tags/?next=%2F%2Fevil.example", "/a!b", "/~member/%20x",
            "/caf\u00e9", "/posts/hello-world#comments", "/auth/login?return_to=%2Fcart%2F",
            "/oauth/authorize?client_id=blog&redirect_uri=https%3A%2F%2Fblog.rose-ash.coop%2Fauth%2Fcallback&scope=openid+profile");

    private OpenRedirectPayloads() {
    }
}
