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

/** A cached actor of another fediverse server, with the public key that verifies its signatures. */
@Entity
@Table(name = "remote_actors")
public class RemoteActor extends CreatedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "remote_actors_seq")
    @SequenceGenerator(name = "remote_actors_seq", sequenceName = "remote_actors_seq", allocationSize = 50)
    public Long id;

    @Column(name = "actor_uri", nullable = false, unique = true)
    public String actorUri;

    @Column(name = "inbox_url", nullable = false)
    public String inboxUrl;

    @Column(name = "shared_inbox_url")
    public String sharedInboxUrl;

    @Column(name = "preferred_username")
    public String preferredUsername;

    @Column(nullable = false)
    public String domain;

    @Column(name = "display_name")
    public String displayName;

    public String summary;

    @Column(name = "icon_url")
    public String iconUrl;

    @Column(name = "public_key_id")
    public String publicKeyId;

    @Column(name = "public_key_pem")
    public String publicKeyPem;

    /** When the actor document was last fetched. */
    @Column(name = "fetched_at", nullable = false)
    public Instant fetchedAt = Instant.now();
}
