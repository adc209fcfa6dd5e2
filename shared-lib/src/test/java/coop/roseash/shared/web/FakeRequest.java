package coop.roseash.shared.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A request as JAX-RS filters see it, without a server: just the parts the plain-Java security classes read (method,
 * headers, cookies, media type, properties, path, query). For unit tests that must run without Quarkus (PIT runs them).
 */
public final class FakeRequest {

    private String method = "GET";
    private URI uri = URI.create("http://localhost/");
    private final Map<String, String> headers = new LinkedHashMap<>();
    private final Map<String, Cookie> cookies = new LinkedHashMap<>();
    private final Map<String, Object> properties = new HashMap<>();
    private final MultivaluedMap<String, String> query = new MultivaluedHashMap<>();
    private MediaType mediaType;

    public static FakeRequest get(String uri) { return new FakeRequest().method("GET").uri(uri); }

    public static FakeRequest post(String uri) { return new FakeRequest().method("POST").uri(uri); }

    public FakeRequest method(String method) {
        this.method = method;
        return this;
    }

    /** An absolute URI ({@code https://host/path}) or a path ({@code /path}, taken as http://localhost/path). */
    public FakeRequest uri(String uri) {
        this.uri = uri.startsWith("/") ? URI.create("http://localhost" + uri) : URI.create(uri);
        return this;
    }

    public FakeRequest header(String name, String value) {
        headers.put(name.toLowerCase(java.util.Locale.ROOT), value);
        return this;
    }

    public FakeRequest cookie(String name, String value) {
        cookies.put(name, new Cookie.Builder(name).value(value).build());
        return this;
    }

    public FakeRequest mediaType(MediaType type) {
        this.mediaType = type;
        return this;
    }

    public FakeRequest query(String name, String... values) {
        for (String value : values) {
            query.add(name, value);
        }
        return this;
    }

    public Object property(String name) { return properties.get(name); }

    public FakeRequest property(String name, Object value) {
        properties.put(name, value);
        return this;
    }

    /** The request as a filter's {@link ContainerRequestContext}. */
    public ContainerRequestContext context() {
        UriInfo uriInfo = (UriInfo) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {UriInfo.class},
                (proxy, m, args) -> switch (m.getName()) {
                    case "getPath" -> uri.getPath();
                    case "getRequestUri" -> uri;
                    case "getQueryParameters" -> query;
                    default -> throw new UnsupportedOperationException("UriInfo." + m.getName());
                });
        return (ContainerRequestContext) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ContainerRequestContext.class}, (proxy, m, args) -> switch (m.getName()) {
                    case "getMethod" -> method;
                    case "getHeaderString" -> headers.get(((String) args[0]).toLowerCase(java.util.Locale.ROOT));
                    case "getCookies" -> cookies;
                    case "getMediaType" -> mediaType;
                    case "getProperty" -> properties.get((String) args[0]);
                    case "setProperty" -> {
                        properties.put((String) args[0], args[1]);
                        yield null;
                    }
                    case "getUriInfo" -> uriInfo;
                    case "toString" -> "FakeRequest " + method + " " + uri;
                    default -> throw new UnsupportedOperationException("ContainerRequestContext." + m.getName());
                });
    }

    /** The request's headers as a resource method sees them ({@link HttpHeaders#getHeaderString} only). */
    public HttpHeaders httpHeaders() {
        return (HttpHeaders) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {HttpHeaders.class},
                (proxy, m, args) -> switch (m.getName()) {
                    case "getHeaderString" -> headers.get(((String) args[0]).toLowerCase(java.util.Locale.ROOT));
                    case "toString" -> "FakeRequest headers " + headers;
                    default -> throw new UnsupportedOperationException("HttpHeaders." + m.getName());
                });
    }

    /** A response context whose headers are {@code headers}, for response filters. */
    public static ContainerResponseContext response(MultivaluedMap<String, Object> headers) {
        return (ContainerResponseContext) Proxy.newProxyInstance(FakeRequest.class.getClassLoader(),
                new Class<?>[] {ContainerResponseContext.class}, (proxy, m, args) -> switch (m.getName()) {
                    case "getHeaders" -> headers;
                    case "toString" -> "FakeResponse " + headers;
                    default -> throw new UnsupportedOperationException("ContainerResponseContext." + m.getName());
                });
    }
}
