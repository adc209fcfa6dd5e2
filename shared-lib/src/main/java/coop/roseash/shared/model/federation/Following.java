package coop.roseash.shared.model.federation;

import coop.roseash.shared.model.TimestampedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** A member's follow of a remote actor, pending until the remote side accepts or rejects it. */
@Entity
@Table(name = "following")
public class Following extends TimestampedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "following_seq")
    @SequenceGenerator(name = "following_seq", sequenceName = "following_seq", allocationSize = 50)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "actor_profile_id", nullable = false)
    public ActorProfile actorProfile;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "remote_actor_id", nullable = false)
    public RemoteActor remoteActor;

    @Convert(converter = FollowingState.Converter.class)
    @Column(nullable = false)
    public FollowingState state = FollowingState.PENDING;

    @Column(name = "follow_activity_uri", nullable = false, unique = true)
    public String followActivityUri;
}
