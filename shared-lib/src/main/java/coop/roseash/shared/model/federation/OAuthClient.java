package coop.roseash.shared.model.federation;

import coop.roseash.shared.model.TimestampedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.util.ArrayList;
import java.util.List;

/** An OAuth 2.0 / OIDC client of the authorization server; redirect URIs match exactly. */
@Entity
@Table(name = "oauth_clients")
public class OAuthClient extends TimestampedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "oauth_clients_seq")
    @SequenceGenerator(name = "oauth_clients_seq", sequenceName = "oauth_clients_seq", allocationSize = 50)
    public Long id;

    @Column(name = "client_id", nullable = false, unique = true)
    public String clientId;

    @Column(nullable = false)
    public String name;

    @Column(name = "client_secret_hash")
    public String clientSecretHash;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "redirect_uris", nullable = false)
    public List<String> redirectUris = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "post_logout_redirect_uris", nullable = false)
    public List<String> postLogoutRedirectUris = new ArrayList<>();

    @Column(name = "backchannel_logout_uri")
    public String backchannelLogoutUri;

    @Column(name = "first_party", nullable = false)
    public boolean firstParty;

    /** Written from app-config.yaml at start; config wins for these ids. */
    @Column(name = "from_config", nullable = false)
    public boolean fromConfig;

    @Column(nullable = false)
    public boolean enabled = true;
}
