package coop.roseash.shared.model.blog;

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
import jakarta.persistence.Version;

import java.time.Instant;

/**
 * A post or a page ({@link PostType}); a page is a container for calendars, a market and settings.
 * {@code search_vector} is a generated column (title, excerpt, plaintext) queried with native SQL,
 * so it is not mapped here.
 */
@Entity
@Table(name = "posts")
public class Post extends TimestampedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "posts_seq")
    @SequenceGenerator(name = "posts_seq", sequenceName = "posts_seq", allocationSize = 50)
    public Long id;

    @Convert(converter = PostType.Converter.class)
    @Column(nullable = false)
    public PostType type = PostType.POST;

    @Convert(converter = PostStatus.Converter.class)
    @Column(nullable = false)
    public PostStatus status = PostStatus.DRAFT;

    /** Lowercase words joined by hyphens (checked by the schema); unique across posts and pages. */
    @Column(nullable = false, unique = true)
    public String slug;

    @Column(nullable = false)
    public String title;

    /** Sanitized rich text. */
    @Column(nullable = false)
    public String html = "";

    @Column(nullable = false)
    public String plaintext = "";

    public String excerpt;

    @Column(name = "feature_image")
    public String featureImage;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "author_id")
    public Author author;

    @Column(name = "ghost_id", unique = true)
    public String ghostId;

    /** Optimistic lock: two editors cannot overwrite each other. */
    @Version
    @Column(nullable = false)
    public int version;

    @Column(name = "published_at")
    public Instant publishedAt;
}
