package coop.roseash.federation.oidc;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

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

        Optional<List<String>> redirectUris();

        Optional<List<String>> postLogoutRedirectUris();

        Optional<String> backchannelLogoutUri();
    }
}
