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
 * per-service actors of blog, market, events and federation.
 */
@Entity
@Table(name = "actor_profiles")
public class ActorProfile extends TimestampedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "actor_profiles_seq")
    @SequenceGenerator(name = "actor_profiles_seq", sequenceName = "actor_profiles_seq", allocationSize = 50)
    public Long id;

    @Column(name = "user_id", nullable = false, unique = true)
    public Long userId;

    /** Lowercase letters, digits and underscores, at most 30 (checked by the schema). */
    @Column(nullable = false, unique = true)
    public String username;

    @Column(name = "display_name")
    public String displayName;

    public String summary;

    @Column(name = "public_key_pem", nullable = false)
    public String publicKeyPem;

    @Column(name = "private_key_pem", nullable = false)
    public String privateKeyPem;
}
