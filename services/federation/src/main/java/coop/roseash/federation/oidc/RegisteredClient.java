package coop.roseash.federation.oidc;

import coop.roseash.shared.model.federation.OAuthClient;

import java.util.List;

/** A client as the protocol sees it. Without a secret it is public, and PKCE is mandatory. */
public record RegisteredClient(String clientId, String name, String secretHash, List<String> redirectUris,
                               List<String> postLogoutRedirectUris, String backchannelLogoutUri, boolean firstParty) {

    static RegisteredClient of(OAuthClient c) {
        return new RegisteredClient(c.clientId, c.name, c.clientSecretHash, List.copyOf(c.redirectUris),
                List.copyOf(c.postLogoutRedirectUris), c.backchannelLogoutUri, c.firstParty);
    }

    public boolean confidential() {
        return secretHash != null;
    }

    /** Exact string comparison (no prefix, no normalisation): the only safe redirect-URI match. */
    public boolean allowsRedirect(String uri) {
        return uri != null && redirectUris.contains(uri);
    }

    public boolean allowsPostLogoutRedirect(String uri) {
        return uri != null && postLogoutRedirectUris.contains(uri);
    }
}
