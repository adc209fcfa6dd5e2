package coop.roseash.federation.oidc;

import coop.roseash.shared.model.federation.OAuthClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.Optional;

/** The enabled OAuth clients, read from the clients table. */
@ApplicationScoped
public class ClientRegistry {

    @Transactional
    public Optional<RegisteredClient> find(String clientId) {
        if (clientId == null || clientId.isBlank()) {
            return Optional.empty();
        }
        return OAuthClient.<OAuthClient>find("clientId = ?1 and enabled = true", clientId)
                .firstResultOptional().map(RegisteredClient::of);
    }

    @Transactional
    public List<RegisteredClient> all() {
        return OAuthClient.<OAuthClient>list("enabled = true").stream().map(RegisteredClient::of).toList();
    }
}
