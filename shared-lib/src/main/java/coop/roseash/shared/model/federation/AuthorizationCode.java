package coop.roseash.shared.model.federation;

import coop.roseash.shared.model.CreatedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.Instant;

/** A one-time, short-lived authorization code (PKCE: S256 only); only a hash of the code is stored. */
@Entity
@Table(name = "authorization_codes")
public class AuthorizationCode extends CreatedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "authorization_codes_seq")
    @SequenceGenerator(name = "authorization_codes_seq", sequenceName = "authorization_codes_seq", allocationSize = 50)
    public Long id;

    @Column(name = "code_hash", nullable = false, unique = true)
    public String codeHash;

    /** oauth_clients.client_id. */
    @Column(name = "client_id", nullable = false)
    public String clientId;

    @Column(name = "user_id", nullable = false)
    public Long userId;

    @Column(name = "redirect_uri", nullable = false)
    public String redirectUri;

    @Column(nullable = false)
    public String scope;

    public String nonce;

    /** PKCE challenge; null only for confidential clients that send none (V10). */
    @Column(name = "code_challenge")
    public String codeChallenge;

    /** {@code S256} whenever there is a challenge (the only method accepted). */
    @Column(name = "code_challenge_method")
    public String codeChallengeMethod;

    @Column(name = "session_id")
    public String sessionId;

    /** The anonymous device the sign-in started from: what it collected is adopted on login (V10). */
    @Column(name = "device_id")
    public String deviceId;

    @Column(name = "auth_time", nullable = false)
    public Instant authTime;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    @Column(name = "used_at")
    public Instant usedAt;
}
