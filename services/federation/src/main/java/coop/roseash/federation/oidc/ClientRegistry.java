package coop.roseash.federation.oidc;

import coop.roseash.shared.model.federation.OAuthClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** The enabled OAuth clients, read from the clients table. */
@ApplicationScoped
public class ClientRegistry {
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    @Transactional
    public Optional<RegisteredClient> find(String clientId) {
        // no client id has control characters, and PostgreSQL refuses a NUL in a query parameter (a 500)
        if (clientId == null || clientId.isBlank() || CONTROL.matcher(clientId).find()) {
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
