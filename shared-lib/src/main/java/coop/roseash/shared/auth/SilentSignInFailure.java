package coop.roseash.shared.auth;

import io.quarkus.arc.Unremovable;
import io.quarkus.oidc.OidcRedirectFilter;
import io.quarkus.oidc.Redirect;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Keeps the anonymous device id federation sends back when a silent sign-in fails ({@code login_required}
 * with a signed {@code device_id}). This is the only place a device id is taken from a URL: Quarkus OIDC
 * calls this filter on {@code /auth/callback} only after the callback's {@code state} matched this
 * browser's state cookie, so the id is federation's answer to a round trip this browser started. A link
 * someone else crafted (to {@code /auth/signin-failed} or the callback) cannot fix a victim's device id,
 * and with it their anonymous cart. A valid device cookie already held is never replaced.
 */
@ApplicationScoped
@Unremovable
@Redirect(Redirect.Location.ERROR_PAGE)
public class SilentSignInFailure implements OidcRedirectFilter {
    @Inject
    DeviceIdSignature signature;

    @Override
    public void filter(OidcRedirectContext context) {
        HttpServerRequest request = context.routingContext().request();
        String sent = request.getParam("device_id");
        if (sent == null || signature.verify(sent).isEmpty()) {
            return;
        }
        Cookie held = request.getCookie(DeviceCookies.NAME);
        if (held != null && signature.verify(held.getValue()).isPresent()) {
            return;
        }
        context.routingContext().response().addCookie(Cookie.cookie(DeviceCookies.NAME, sent).setPath("/")
                .setHttpOnly(true).setSecure("https".equals(request.scheme())).setSameSite(CookieSameSite.LAX)
                .setMaxAge(DeviceCookies.DEVICE_MAX_AGE));
    }
}
