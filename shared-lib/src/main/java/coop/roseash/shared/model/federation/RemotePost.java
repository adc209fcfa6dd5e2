package coop.roseash.shared.model.federation;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
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
import org.hibernate.annotations.CreationTimestamp;

import java.time.Instant;

/** A note or article received from the fediverse, shown in the social timeline. */
@Entity
@Table(name = "remote_posts")
public class RemotePost extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "remote_posts_seq")
    @SequenceGenerator(name = "remote_posts_seq", sequenceName = "remote_posts_seq", allocationSize = 50)
    public Long id;

    @Column(name = "object_uri", nullable = false, unique = true)
    public String objectUri;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "remote_actor_id", nullable = false)
    public RemoteActor remoteActor;

    /** The ActivityStreams type: Note, Article, Question or Page. */
    @Column(name = "object_type", nullable = false)
    public String objectType;

    /** Sanitized on receipt. */
    @Column(name = "content_html", nullable = false)
    public String contentHtml = "";

    public String summary;

    public String url;

    @Column(name = "in_reply_to_uri")
    public String inReplyToUri;

    @Column(name = "published_at", nullable = false)
    public Instant publishedAt;

    @Column(name = "edited_at")
    public Instant editedAt;

    @CreationTimestamp
    @Column(name = "received_at", nullable = false, updatable = false)
    public Instant receivedAt;
}
