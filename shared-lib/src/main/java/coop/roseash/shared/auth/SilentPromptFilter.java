package coop.roseash.shared.auth;

import io.quarkus.arc.Unremovable;
import io.quarkus.oidc.OidcRedirectFilter;
import io.quarkus.oidc.Redirect;
import jakarta.enterprise.context.ApplicationScoped;

/** Adds {@code prompt=none} to the authorization request started by {@code /auth/silent}, and only that one. */
@ApplicationScoped
@Unremovable
@Redirect(Redirect.Location.OIDC_AUTHORIZATION)
public class SilentPromptFilter implements OidcRedirectFilter {
    @Override
    public void filter(OidcRedirectContext context) {
        if (SignInResource.SILENT_PATH.equals(context.routingContext().request().path())) {
            context.additionalQueryParams().add("prompt", "none");
        }
    }
}
