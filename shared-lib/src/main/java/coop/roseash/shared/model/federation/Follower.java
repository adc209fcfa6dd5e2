package coop.roseash.shared.model.federation;

import coop.roseash.shared.model.CreatedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** A remote actor following one of a member's per-service actors ({@code actorService}: blog, market, events, federation). */
@Entity
@Table(name = "followers")
public class Follower extends CreatedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "followers_seq")
    @SequenceGenerator(name = "followers_seq", sequenceName = "followers_seq", allocationSize = 50)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "actor_profile_id", nullable = false)
    public ActorProfile actorProfile;

    @Column(name = "actor_service", nullable = false)
    public String actorService;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "remote_actor_id", nullable = false)
    public RemoteActor remoteActor;

    @Column(name = "follow_activity_uri")
    public String followActivityUri;
}
