package coop.roseash.federation.oidc;

import coop.roseash.shared.config.ServiceUrls;
import jakarta.enterprise.context.ApplicationScoped;

/** The issuer identifier (federation's public URL) and the absolute URLs of its endpoints. */
@ApplicationScoped
public class Issuer {
    public static final String AUTHORIZE = "/oauth/authorize";
    public static final String TOKEN = "/oauth/token";
    public static final String USERINFO = "/oauth/userinfo";
    public static final String JWKS = "/oauth/jwks";
    public static final String END_SESSION = "/oauth/logout";

    private final ServiceUrls urls;

    Issuer(ServiceUrls urls) {
        this.urls = urls;
    }

    /** Browsers see this URL; it is the {@code iss} of every token even when a client calls the internal URL. */
    public String id() {
        return urls.publicUrl("federation");
    }

    public String url(String path) {
        return id() + path;
    }

    /** Cookies get the {@code __Host-} prefix and {@code Secure} only where browsers reach us over HTTPS. */
    public boolean https() {
        return id().startsWith("https://");
    }
}
