package coop.roseash.federation.login;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import coop.roseash.federation.oidc.OpaqueTokens;
import coop.roseash.shared.model.federation.MagicLink;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * One-time sign-in links: valid 15 minutes, used once; only the token's hash is stored, and the hash of the nonce
 * of the browser that asked for it ({@link LoginBrowserCookie}). Looking at a link ({@link #find}) never uses it.
 */
@ApplicationScoped
public class MagicLinks {
    public static final Duration LIFETIME = Duration.ofMinutes(15);

    private final ObjectMapper json;

    MagicLinks(ObjectMapper json) {
        this.json = json;
    }

    /** A link that was valid, now used: who signed in and where they were going. */
    public record Redeemed(String email, String continueUrl) {
    }

    /** A usable link as it stands: for whom, and the hash of the browser nonce it is bound to (null: unbound). */
    public record Pending(String email, String browserHash) {
    }

    /** A link not bound to any browser (links made by the platform itself, tests). */
    @Transactional
    public String create(String email, String continueUrl) {
        return create(email, continueUrl, null);
    }

    /** A link bound to the browser holding {@code browserNonce} (null: bound to none, so it always asks). */
    @Transactional
    public String create(String email, String continueUrl, String browserNonce) {
        String token = OpaqueTokens.random();
        MagicLink link = new MagicLink();
        link.email = Members.normalise(email);
        link.tokenHash = OpaqueTokens.hash(token);
        link.browserHash = browserNonce == null ? null : OpaqueTokens.hash(browserNonce);
        link.expiresAt = Instant.now().plus(LIFETIME);
        try {
            link.pendingRequest = json.writeValueAsString(Map.of("continue", continueUrl));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        link.persist();
        return token;
    }

    /** The link if it could be used now, without using it: a GET of the link only looks. */
    @Transactional
    public Optional<Pending> find(String token) {
        if (!wellFormed(token)) {
            return Optional.empty();
        }
        MagicLink link = MagicLink.<MagicLink>find("tokenHash", OpaqueTokens.hash(token)).firstResult();
        if (link == null || link.usedAt != null || link.expiresAt.isBefore(Instant.now())) {
            return Optional.empty();
        }
        return Optional.of(new Pending(link.email, link.browserHash));
    }

    private static boolean wellFormed(String token) {
        return token != null && token.length() == 43;
    }

    /** Uses the link, or empty when it is unknown, expired or already used. */
    @Transactional
    public Optional<Redeemed> redeem(String token) {
        if (!wellFormed(token)) {
            return Optional.empty();
        }
        MagicLink link = MagicLink.<MagicLink>find("tokenHash", OpaqueTokens.hash(token))
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
        if (link == null || link.usedAt != null || link.expiresAt.isBefore(Instant.now())) {
            return Optional.empty();
        }
        link.usedAt = Instant.now();
        String continueUrl = "/";
        try {
            if (link.pendingRequest != null) {
                continueUrl = json.readTree(link.pendingRequest).path("continue").asText("/");
            }
        } catch (JsonProcessingException e) {
            // an unreadable pending request only loses the destination, not the sign-in
        }
        return Optional.of(new Redeemed(link.email, continueUrl));
    }
}
