package coop.roseash.shared.model.federation;

import coop.roseash.shared.model.CreatedEntity;
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

/**
 * A like or boost: incoming (a remote actor on one of the member's objects) or outgoing (the
 * member on a remote object).
 */
@Entity
@Table(name = "interactions")
public class Interaction extends CreatedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "interactions_seq")
    @SequenceGenerator(name = "interactions_seq", sequenceName = "interactions_seq", allocationSize = 50)
    public Long id;

    @Convert(converter = InteractionDirection.Converter.class)
    @Column(nullable = false)
    public InteractionDirection direction;

    @Convert(converter = InteractionType.Converter.class)
    @Column(nullable = false)
    public InteractionType type;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "actor_profile_id", nullable = false)
    public ActorProfile actorProfile;

    /** Set for incoming interactions. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "remote_actor_id")
    public RemoteActor remoteActor;

    @Column(name = "object_uri", nullable = false)
    public String objectUri;

    @Column(name = "activity_uri", nullable = false, unique = true)
    public String activityUri;
}
