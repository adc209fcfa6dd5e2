package coop.roseash.shared.model.events;

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

/** Links a calendar entry to a blog post that tells about it. */
@Entity
@Table(name = "entry_posts")
public class EntryPost extends CreatedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "entry_posts_seq")
    @SequenceGenerator(name = "entry_posts_seq", sequenceName = "entry_posts_seq", allocationSize = 50)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "entry_id", nullable = false)
    public CalendarEntry entry;

    /** blog's posts.id. */
    @Column(name = "post_id", nullable = false)
    public Long postId;
}
