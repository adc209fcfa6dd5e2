package coop.roseash.shared.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The host context of one SX render: what the IO primitives read from the current request (arguments, form,
 * headers, visitor, CSRF token) and what they set on the response (headers, status).
 */
public final class SxRequestContext {

    private final String method;
    private final String path;
    private final Function<String, String> header;
    private final Map<String, List<String>> query;
    private final Function<String, String> form;
    private final Visitor visitor;
    private final Supplier<String> csrfToken;
    private final Map<String, String> responseHeaders = new LinkedHashMap<>();
    private Integer responseStatus;
    private CompletableFuture<SiteHeader> siteHeader;

    public SxRequestContext(String method, String path, Function<String, String> header, Map<String, List<String>> query,
            Function<String, String> form, Visitor visitor, Supplier<String> csrfToken) {
        this.method = method;
        this.path = path;
        this.header = header;
        this.query = query;
        this.form = form;
        this.visitor = visitor;
        this.csrfToken = csrfToken;
    }

    public String method() {
        return method;
    }

    public String path() {
        return path;
    }

    /** First value of a request header, or null. */
    public String header(String name) {
        return header.apply(name);
    }

    /** First value of a query parameter, or null. */
    public String queryParam(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** First value of a form field, or null. */
    public String formParam(String name) {
        return form.apply(name);
    }

    public Visitor visitor() {
        return visitor;
    }

    public String csrfToken() {
        return csrfToken.get();
    }

    /** Whether the request comes from the sx.js engine and wants {@code text/sx}. */
    public boolean engineRequest() {
        return "true".equalsIgnoreCase(header(SxHeaders.SX_REQUEST));
    }

    /** The site header of this request's page, loading since the first call (which starts it with {@code start}). */
    public synchronized CompletableFuture<SiteHeader> siteHeader(Supplier<CompletableFuture<SiteHeader>> start) {
        if (siteHeader == null) {
            siteHeader = start.get();
        }
        return siteHeader;
    }

    public void setResponseHeader(String name, String value) {
        responseHeaders.put(name, value);
    }

    public Map<String, String> responseHeaders() {
        return responseHeaders;
    }

    public void setResponseStatus(int status) {
        responseStatus = status;
    }

    /** The status an SX view asked for with {@code set-response-status}, or the fallback. */
    public int responseStatus(int fallback) {
        return responseStatus == null ? fallback : responseStatus;
    }
}
