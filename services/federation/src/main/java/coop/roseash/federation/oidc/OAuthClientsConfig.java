package coop.roseash.federation.oidc;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.util.List;
import java.util.Optional;

/** The OAuth clients registered in app-config.yaml under {@code roseash.oauth.clients}; secrets come from the environment. */
@ConfigMapping(prefix = "roseash.oauth")
public interface OAuthClientsConfig {
    Optional<List<Client>> clients();

    /** One registered client. */
    interface Client {
        String id();

        Optional<String> name();

        @WithDefault("false")
        boolean firstParty();

        /** A client that cannot keep a secret (an app on a device): it must say so, a missing secret is an error. */
        @WithName("public")
        @WithDefault("false")
        boolean publicClient();

        Optional<List<String>> redirectUris();

        Optional<List<String>> postLogoutRedirectUris();

        Optional<String> backchannelLogoutUri();
    }
}
