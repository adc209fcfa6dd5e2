package coop.roseash.federation.oidc;

import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

import java.util.Locale;
import java.util.Optional;

/**
 * Each configured client's secret, from the environment variable {@code ROSEASH_OAUTH_CLIENT_<ID>_SECRET} (the launcher
 * and the stack hand it over so) or {@code OAUTH_CLIENT_<ID>_SECRET}. A client is public only when its entry says
 * {@code public: true}: a confidential client whose secret did not arrive stops the start, since running it as a
 * public client would let anyone redeem its codes.
 */
final class ClientSecrets {
    private static final Logger LOG = Logger.getLogger(ClientSecrets.class);

    private final Config env;

    ClientSecrets(Config env) {
        this.env = env;
    }

    static String variable(String clientId) {
        return "ROSEASH_OAUTH_CLIENT_" + clientId.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_") + "_SECRET";
    }

    /** The client's secret; empty for a public client; an {@link IllegalStateException} when a confidential one has none. */
    Optional<String> of(OAuthClientsConfig.Client client) {
        String name = variable(client.id());
        Optional<String> secret = env.getOptionalValue(name, String.class)
                .or(() -> env.getOptionalValue(name.substring("ROSEASH_".length()), String.class))
                .filter(s -> !s.isBlank());
        if (client.publicClient()) {
            secret.ifPresent(s -> LOG.warnf("OAuth client '%s' is public: true, so %s is ignored", client.id(), name));
            return Optional.empty();
        }
        if (secret.isEmpty()) {
            throw new IllegalStateException("OAuth client '" + client.id() + "' has no secret: set " + name
                    + " (the same value the client uses), or mark the client public: true in roseash.oauth.clients"
                    + " if it cannot keep a secret");
        }
        return secret;
    }
}
