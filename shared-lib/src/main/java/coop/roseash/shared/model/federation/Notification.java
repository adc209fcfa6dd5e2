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

import java.time.Instant;

/** A notification for a member: a new follower, a like, a boost, a reply or a mention. */
@Entity
@Table(name = "notifications")
public class Notification extends CreatedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "notifications_seq")
    @SequenceGenerator(name = "notifications_seq", sequenceName = "notifications_seq", allocationSize = 50)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "actor_profile_id", nullable = false)
    public ActorProfile recipient;

    @Convert(converter = NotificationType.Converter.class)
    @Column(nullable = false)
    public NotificationType type;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "remote_actor_id")
    public RemoteActor remoteActor;

    @Column(name = "object_uri")
    public String objectUri;

    @Column(name = "read_at")
    public Instant readAt;
}
