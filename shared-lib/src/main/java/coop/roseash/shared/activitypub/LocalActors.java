package coop.roseash.shared.activitypub;

import coop.roseash.shared.model.federation.ActorProfile;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.security.PrivateKey;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Our actors: members' profiles (created once, when the member chooses a username) and each service's own actor
 * (created on first use), with their keys. Private keys are stored sealed ({@link KeySeal}) and opened only to sign.
 */
@ApplicationScoped
public class LocalActors {

    /** Why a username could not be taken. */
    public enum Refusal { ALREADY_CHOSEN, TAKEN }

    /** The outcome of choosing a username: the new actor, or why not. */
    public record Choice(Optional<LocalActor> actor, Optional<Refusal> refusal) {
    }

    private static final String INSERT_MEMBER = """
            INSERT INTO actor_profiles (user_id, username, display_name, public_key_pem, private_key_pem)
            VALUES (?1, ?2, CAST(?3 AS text), ?4, ?5) ON CONFLICT DO NOTHING RETURNING id""";

    private static final String INSERT_SERVICE = """
            INSERT INTO actor_profiles (service_actor, username, display_name, summary, public_key_pem, private_key_pem)
            VALUES (?1, ?1, ?2, ?3, ?4, ?5) ON CONFLICT DO NOTHING""";

    private final EntityManager em;
    private final KeySeal seal;
    private final ConcurrentMap<Long, PrivateKey> openedKeys = new ConcurrentHashMap<>();

    LocalActors(EntityManager em, KeySeal seal) {
        this.em = em;
        this.seal = seal;
    }

    /** The actor {@code username} on {@code service}: a member's view, or the service's own actor (on its service only). */
    public Optional<LocalActor> find(String service, String username) {
        if (!ActorUrls.SERVICES.contains(service) || !UsernameRules.wellFormed(username)) {
            return Optional.empty();
        }
        if (username.equals(service)) {
            return Optional.of(serviceActor(service));
        }
        return QuarkusTransaction.joiningExisting().call(() -> ActorProfile.<ActorProfile>find("username", username)
                .firstResultOptional().filter(p -> p.serviceActor == null && p.deletedAt == null).map(p -> toActor(p, service)));
    }

    /** Whether {@code username} was a member's actor whose account has been deleted (its tombstone). */
    public boolean deleted(String username) {
        return UsernameRules.wellFormed(username) && QuarkusTransaction.joiningExisting().call(() -> ActorProfile
                .count("username = ?1 and deletedAt is not null", username) > 0);
    }

    /** The member's actor profile as federation shows it, if they chose a username. */
    public Optional<LocalActor> forMember(long memberId) {
        return QuarkusTransaction.joiningExisting().call(() -> ActorProfile.<ActorProfile>find("userId", memberId)
                .firstResultOptional().map(p -> toActor(p, "federation")));
    }

    public Optional<LocalActor> byProfileId(long profileId, String service) {
        return QuarkusTransaction.joiningExisting().call(() -> ActorProfile.<ActorProfile>findByIdOptional(profileId)
                .map(p -> toActor(p, service)));
    }

    /** Creates the member's actor with a new keypair, once; a username already used or a second choice is refused. */
    public Choice choose(long memberId, String username, String displayName) {
        if (UsernameRules.problem(username).isPresent()) {
            throw new IllegalArgumentException("not a username that may be chosen: " + username);
        }
        ActorKeys.Pem keys = ActorKeys.generate();
        String sealed = seal.seal(keys.privateKey(), sealBinding(username));
        return QuarkusTransaction.requiringNew().call(() -> {
            List<?> ids = em.createNativeQuery(INSERT_MEMBER).setParameter(1, memberId).setParameter(2, username)
                    .setParameter(3, displayName).setParameter(4, keys.publicKey()).setParameter(5, sealed).getResultList();
            if (ids.isEmpty()) {
                boolean chosen = ActorProfile.count("userId", memberId) > 0;
                return new Choice(Optional.empty(), Optional.of(chosen ? Refusal.ALREADY_CHOSEN : Refusal.TAKEN));
            }
            ActorProfile p = ActorProfile.findById(((Number) ids.get(0)).longValue());
            return new Choice(Optional.of(toActor(p, "federation")), Optional.empty());
        });
    }

    /** Whether a username is in use (by a member or a service's actor). */
    public boolean taken(String username) {
        return QuarkusTransaction.joiningExisting().call(() -> ActorProfile.count("username", username) > 0);
    }

    /** The service's own actor ({@code @blog@blog.{domain}}), created with its keypair on first use. */
    public LocalActor serviceActor(String service) {
        Optional<LocalActor> existing = QuarkusTransaction.joiningExisting().call(() -> ActorProfile
                .<ActorProfile>find("serviceActor", service).firstResultOptional().map(p -> toActor(p, service)));
        if (existing.isPresent()) {
            return existing.get();
        }
        ActorKeys.Pem keys = ActorKeys.generate();
        String sealed = seal.seal(keys.privateKey(), sealBinding(service));
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(INSERT_SERVICE).setParameter(1, service)
                .setParameter(2, "Rose Ash " + service).setParameter(3, "The " + service + " of this Rose Ash site.")
                .setParameter(4, keys.publicKey()).setParameter(5, sealed).executeUpdate());
        return QuarkusTransaction.requiringNew().call(() -> toActor(
                ActorProfile.<ActorProfile>find("serviceActor", service).firstResult(), service));
    }

    /** The private key that signs for a profile, opened from its sealed form (kept opened in memory). */
    public PrivateKey signingKey(long profileId) {
        return openedKeys.computeIfAbsent(profileId, id -> QuarkusTransaction.joiningExisting().call(() -> {
            ActorProfile p = ActorProfile.findById(id);
            return ActorKeys.privateKey(seal.open(p.privateKeyPem, sealBinding(p.username)));
        }));
    }

    private static String sealBinding(String username) {
        return "actor:" + username;
    }

    private static LocalActor toActor(ActorProfile p, String service) {
        return new LocalActor(p.id, service, p.username, p.displayName, p.summary, p.publicKeyPem, p.userId, p.createdAt);
    }
}
