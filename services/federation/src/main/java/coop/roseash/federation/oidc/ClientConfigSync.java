package coop.roseash.federation.oidc;

import coop.roseash.shared.model.federation.OAuthClient;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Writes the clients of app-config.yaml into the clients table at start; config wins for those ids,
 * and a config client that was removed from the file is disabled. Secrets come from the environment
 * ({@link ClientSecrets}): a client without one refuses the start unless it is marked {@code public: true}.
 */
@ApplicationScoped
public class ClientConfigSync {
    private static final Logger LOG = Logger.getLogger(ClientConfigSync.class);

    private final OAuthClientsConfig config;
    private final ClientSecrets secrets;

    ClientConfigSync(OAuthClientsConfig config, Config env) {
        this.config = config;
        this.secrets = new ClientSecrets(env);
    }

    @Transactional
    void onStart(@Observes StartupEvent start) {
        // replicas starting together would each insert the same new client (a unique violation kills the start):
        // one at a time, the later ones then find the rows and update them
        OAuthClient.getEntityManager()
                .createNativeQuery("SELECT pg_advisory_xact_lock(hashtext('roseash.federation.client-config-sync'))")
                .getSingleResult();
        List<OAuthClientsConfig.Client> clients = config.clients().orElse(List.of());
        for (OAuthClientsConfig.Client c : clients) {
            OAuthClient row = OAuthClient.<OAuthClient>find("clientId", c.id()).firstResultOptional().orElseGet(OAuthClient::new);
            row.clientId = c.id();
            row.name = c.name().orElse(c.id());
            row.clientSecretHash = secrets.of(c).map(OpaqueTokens::hash).orElse(null);
            row.redirectUris = c.redirectUris().orElse(List.of());
            row.postLogoutRedirectUris = c.postLogoutRedirectUris().orElse(List.of());
            row.backchannelLogoutUri = c.backchannelLogoutUri().orElse(null);
            row.firstParty = c.firstParty();
            row.fromConfig = true;
            row.enabled = true;
            row.persist();
        }
        Set<String> ids = clients.stream().map(OAuthClientsConfig.Client::id).collect(Collectors.toSet());
        for (OAuthClient gone : OAuthClient.<OAuthClient>list("fromConfig = true and enabled = true")) {
            if (!ids.contains(gone.clientId)) {
                gone.enabled = false;
            }
        }
        LOG.infof("OAuth clients from config: %s", ids);
    }
}
