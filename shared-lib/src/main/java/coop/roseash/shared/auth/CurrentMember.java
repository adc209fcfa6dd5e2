package coop.roseash.shared.auth;

import coop.roseash.shared.contracts.Identity;
import coop.roseash.shared.web.Visitor;
import coop.roseash.shared.web.VisitorSource;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Optional;

/**
 * Who is asking, read from the {@link SecurityIdentity} Quarkus OIDC built from the ID token (not
 * from an injected JsonWebToken, which can come back empty next to other JWT extensions), plus the
 * anonymous device id federation handed over. Also the web glue's {@link VisitorSource}.
 */
@RequestScoped
public class CurrentMember implements VisitorSource {
    @Inject
    SecurityIdentity identity;
    @Inject
    HttpServerRequest request;
    @Inject
    DeviceIdSignature signature;

    public Optional<SignedInMember> get() {
        if (identity == null || identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Optional.empty();
        }
        try {
            long id = Long.parseLong(token.getSubject());
            Object admin = token.getClaim("roseash_admin");
            String name = token.getClaim("name");
            return Optional.of(new SignedInMember(id, token.getClaim("email"), name, Boolean.TRUE.equals(admin)
                    || "true".equals(String.valueOf(admin)), token.getClaim("sid")));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The anonymous visitor's device id from this service's cookie (federation-signed), if any. */
    public Optional<String> deviceId() {
        Cookie cookie = request.getCookie(DeviceCookies.NAME);
        return cookie == null ? Optional.empty() : signature.verify(cookie.getValue());
    }

    /** Whose cart or bookings: the member when signed in, else the device. */
    public Identity identity() {
        return get().map(m -> Identity.member(m.id()))
                .orElseGet(() -> deviceId().map(Identity::device).orElse(Identity.NONE));
    }

    @Override
    public Visitor current() {
        return get().map(m -> new Visitor(m.id(), m.email(), m.name(), m.admin(), deviceId().orElse(null)))
                .orElseGet(() -> new Visitor(null, null, null, false, deviceId().orElse(null)));
    }
}
