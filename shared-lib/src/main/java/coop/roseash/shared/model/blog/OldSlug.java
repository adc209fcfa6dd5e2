package coop.roseash.shared.model.blog;

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

/** A former slug of a renamed post: requests for it are redirected to the post's current slug. */
@Entity
@Table(name = "old_slugs")
public class OldSlug extends CreatedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "old_slugs_seq")
    @SequenceGenerator(name = "old_slugs_seq", sequenceName = "old_slugs_seq", allocationSize = 50)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "post_id", nullable = false)
    public Post post;

    @Column(nullable = false, unique = true)
    public String slug;
}
