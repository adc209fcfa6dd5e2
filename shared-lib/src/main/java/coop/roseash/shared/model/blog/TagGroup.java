package coop.roseash.shared.model.blog;

import coop.roseash.shared.model.CreatedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** A named, ordered group of tags (for example "Topics", "Places"). */
@Entity
@Table(name = "tag_groups")
public class TagGroup extends CreatedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "tag_groups_seq")
    @SequenceGenerator(name = "tag_groups_seq", sequenceName = "tag_groups_seq", allocationSize = 50)
    public Long id;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false, unique = true)
    public String slug;

    @Column(nullable = false)
    public int position;
}
