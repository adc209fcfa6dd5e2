package coop.roseash.shared.model.federation;

import coop.roseash.shared.model.CreatedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;

/** A one-time sign-in link sent by email; only a hash of its token is stored. */
@Entity
@Table(name = "magic_links")
public class MagicLink extends CreatedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "magic_links_seq")
    @SequenceGenerator(name = "magic_links_seq", sequenceName = "magic_links_seq", allocationSize = 50)
    public Long id;

    @Column(nullable = false)
    public String email;

    @Column(name = "token_hash", nullable = false, unique = true)
    public String tokenHash;

    /** The authorization request to resume once the link is used, as JSON. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "pending_request")
    public String pendingRequest;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    @Column(name = "used_at")
    public Instant usedAt;

    /** Hash of the nonce in the cookie of the browser that asked for the link; null for links from before binding. */
    @Column(name = "browser_hash")
    public String browserHash;
}
