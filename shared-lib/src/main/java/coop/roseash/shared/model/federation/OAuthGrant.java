package coop.roseash.shared.model.federation;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import org.hibernate.annotations.CreationTimestamp;

import java.time.Instant;

/** A member's consent to a client for a scope (first-party clients need none). */
@Entity
@Table(name = "oauth_grants")
public class OAuthGrant extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "oauth_grants_seq")
    @SequenceGenerator(name = "oauth_grants_seq", sequenceName = "oauth_grants_seq", allocationSize = 50)
    public Long id;

    @Column(name = "user_id", nullable = false)
    public Long userId;

    @Column(name = "client_id", nullable = false)
    public String clientId;

    @Column(nullable = false)
    public String scope;

    @CreationTimestamp
    @Column(name = "granted_at", nullable = false, updatable = false)
    public Instant grantedAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;
}
