package coop.roseash.shared.model.blog;

import coop.roseash.shared.model.TimestampedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** A reusable block of sanitized rich text. */
@Entity
@Table(name = "snippets")
public class Snippet extends TimestampedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "snippets_seq")
    @SequenceGenerator(name = "snippets_seq", sequenceName = "snippets_seq", allocationSize = 50)
    public Long id;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false, unique = true)
    public String slug;

    @Column(nullable = false)
    public String html = "";
}
