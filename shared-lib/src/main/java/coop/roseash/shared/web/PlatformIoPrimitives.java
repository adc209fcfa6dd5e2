package coop.roseash.shared.web;

import coop.roseash.shared.config.ServiceUrls;
import coop.roseash.sx.IoContext;
import coop.roseash.sx.IoPrimitive;
import coop.roseash.sx.value.RawHtml;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiFunction;
import org.eclipse.microprofile.config.Config;

/**
 * The IO primitives the platform declares to SX (docs/spec/sx-language.md §6), each bound to the current request through the
 * {@link SxRequestContext} passed as the render's host object.
 */
@ApplicationScoped
public class PlatformIoPrimitives {

    /** Configuration visible to SX via {@code (config "key")}, as {@code roseash.} sub-keys; never secrets. */
    static final Set<String> PUBLIC_CONFIG_PREFIXES = Set.of("domain", "service.", "services.", "features.", "fragments.");

    private final ServiceUrls urls;
    private final AssetVersions assets;
    private final FragmentSource fragments;
    private final Config config;
    private final Map<String, SxHelper> helpers = new HashMap<>();

    PlatformIoPrimitives(ServiceUrls urls, AssetVersions assets, FragmentSource fragments, Config config,
            Instance<SxHelper> helperBeans) {
        this.urls = urls;
        this.assets = assets;
        this.fragments = fragments;
        this.config = config;
        for (SxHelper helper : helperBeans) {
            SxHelper clash = helpers.put(helper.name(), helper);
            if (clash != null) {
                throw new IllegalStateException("two SX helpers named " + helper.name() + ": "
                        + clash.getClass().getName() + " and " + helper.getClass().getName());
            }
        }
    }

    /** All primitives, ready for {@code SxEngine.builder().io(...)}. */
    public List<IoPrimitive> all() {
        return List.of(
                io("current-user", (request, args) -> currentUser(request.visitor())),
                io("request-arg", (request, args) -> orDefault(request.queryParam(string(args, 0)), args)),
                io("request-form", (request, args) -> orDefault(request.formParam(string(args, 0)), args)),
                io("request-header", (request, args) -> orDefault(request.header(string(args, 0)), args)),
                io("csrf-token", (request, args) -> request.csrfToken()),
                io("url-for", (request, args) -> urlFor(string(args, 0), args.size() > 1 ? args.get(1) : null)),
                plain("app-url", args -> urls.publicUrl(string(args, 0)) + (args.size() > 1 ? string(args, 1) : "")),
                plain("asset-url", args -> assets.url(string(args, 0))),
                plain("config", args -> configValue(string(args, 0))),
                plain("frag", args -> new RawHtml(fragment(string(args, 0), string(args, 1),
                        args.size() > 2 ? args.get(2) : null))),
                plain("now", args -> Instant.now().truncatedTo(ChronoUnit.SECONDS).toString()),
                io("set-response-header", (request, args) -> {
                    request.setResponseHeader(string(args, 0), string(args, 1));
                    return null;
                }),
                io("set-response-status", (request, args) -> {
                    request.setResponseStatus(((Number) args.get(0)).intValue());
                    return null;
                }),
                io("helper", (request, args) -> helper(string(args, 0)).call(args.subList(1, args.size()), request)));
    }

    private SxHelper helper(String name) {
        SxHelper helper = helpers.get(name);
        if (helper == null) {
            throw new IllegalArgumentException("No SX helper named \"" + name + "\" (known: " + new TreeMap<>(helpers).keySet() + ")");
        }
        return helper;
    }

    private static Object currentUser(Visitor visitor) {
        if (!visitor.signedIn()) {
            return null;
        }
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("id", visitor.userId());
        user.put("email", visitor.email());
        user.put("name", visitor.displayName());
        user.put("admin", visitor.admin());
        return user;
    }

    /** {@code (url-for "/path" {:page 2})}: the path with the dict as an encoded query string. */
    static String urlFor(String path, Object params) {
        if (!(params instanceof Map<?, ?> map) || map.isEmpty()) {
            return path;
        }
        StringBuilder url = new StringBuilder(path).append(path.contains("?") ? '&' : '?');
        boolean first = true;
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (entry.getValue() == null) {
                continue;
            }
            if (!first) {
                url.append('&');
            }
            first = false;
            url.append(URLEncoder.encode(String.valueOf(entry.getKey()), StandardCharsets.UTF_8))
                    .append('=')
                    .append(URLEncoder.encode(String.valueOf(entry.getValue()), StandardCharsets.UTF_8));
        }
        return url.toString();
    }

    private Object configValue(String key) {
        if (PUBLIC_CONFIG_PREFIXES.stream().noneMatch(prefix -> key.equals(prefix) || key.startsWith(prefix))) {
            throw new IllegalArgumentException("config key \"" + key + "\" is not readable from SX");
        }
        Optional<String> value = config.getOptionalValue("roseash." + key, String.class);
        return value.map(PlatformIoPrimitives::typed).orElse(null);
    }

    // booleans and integers cross as such, so (if (config "features.market") ...) means what it says
    private static Object typed(String value) {
        if ("true".equals(value) || "false".equals(value)) {
            return Boolean.valueOf(value);
        }
        if (value.matches("-?\\d{1,18}")) {
            return Long.valueOf(value);
        }
        return value;
    }

    private static Object orDefault(String value, List<Object> args) {
        return value != null ? value : args.size() > 1 ? args.get(1) : null;
    }

    private static String string(List<Object> args, int index) {
        if (index >= args.size() || args.get(index) == null) {
            throw new IllegalArgumentException("argument " + (index + 1) + " is required");
        }
        return String.valueOf(args.get(index));
    }

    /** {@code (frag "cart" "cart-mini" {:user_id 7})}: the fragment's HTML, "" when it failed or was too slow. */
    private String fragment(String service, String type, Object params) {
        Map<String, String> query = new LinkedHashMap<>();
        if (params instanceof Map<?, ?> dict) {
            dict.forEach((k, v) -> {
                if (v != null) {
                    query.put(String.valueOf(k), String.valueOf(v));
                }
            });
        }
        return fragments.fetch(service, type, query);
    }

    private static IoPrimitive io(String name, BiFunction<SxRequestContext, List<Object>, Object> body) {
        return IoPrimitive.of(name, (ctx, args) -> body.apply(request(ctx, name), args));
    }

    private static IoPrimitive plain(String name, java.util.function.Function<List<Object>, Object> body) {
        return IoPrimitive.of(name, (ctx, args) -> body.apply(args));
    }

    private static SxRequestContext request(IoContext ctx, String name) {
        if (ctx.host() instanceof SxRequestContext request) {
            return request;
        }
        throw new IllegalStateException("(" + name + ") needs a web request; this render has none");
    }
}
