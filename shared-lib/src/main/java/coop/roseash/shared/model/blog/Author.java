package coop.roseash.shared.model.blog;

import coop.roseash.shared.model.TimestampedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** A blog author, optionally linked to a member ({@code userId}); imported authors are matched by email. */
@Entity
@Table(name = "authors")
public class Author extends TimestampedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "authors_seq")
    @SequenceGenerator(name = "authors_seq", sequenceName = "authors_seq", allocationSize = 50)
    public Long id;

    /** federation's users.id (cross-domain: a plain id). */
    @Column(name = "user_id")
    public Long userId;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false, unique = true)
    public String slug;

    public String email;

    public String bio;

    @Column(name = "profile_image")
    public String profileImage;

    @Column(name = "ghost_id", unique = true)
    public String ghostId;
}
