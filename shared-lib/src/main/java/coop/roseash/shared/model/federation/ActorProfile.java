package coop.roseash.shared.model.federation;

import coop.roseash.shared.model.TimestampedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/**
 * A member's one ActivityPub identity: the username (chosen once) and keypair behind the
 * per-service actors of blog, market, events and federation; or, with {@code serviceActor} set and no
 * member, a service's own actor (blog's {@code @blog@blog.{domain}}).
 */
@Entity
@Table(name = "actor_profiles")
public class ActorProfile extends TimestampedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "actor_profiles_seq")
    @SequenceGenerator(name = "actor_profiles_seq", sequenceName = "actor_profiles_seq", allocationSize = 50)
    public Long id;

    /** The member; null for a service's own actor. */
    @Column(name = "user_id", unique = true)
    public Long userId;

    /** The service whose own actor this is (blog, market, events, federation); null for a member's. */
    @Column(name = "service_actor")
    public String serviceActor;

    /** Lowercase letters, digits and underscores, at most 30 (checked by the schema). */
    @Column(nullable = false, unique = true)
    public String username;

    @Column(name = "display_name")
    public String displayName;

    public String summary;

    @Column(name = "public_key_pem", nullable = false)
    public String publicKeyPem;

    /** The private key, sealed ({@code coop.roseash.shared.activitypub.KeySeal}); never the PEM itself. */
    @Column(name = "private_key_pem", nullable = false)
    public String privateKeyPem;

    /** When the member deleted their account: the profile is then a tombstone (username and keys only). */
    @Column(name = "deleted_at")
    public java.time.Instant deletedAt;
}
