package coop.roseash.shared.model.blog;

import coop.roseash.shared.model.TimestampedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/**
 * A node of the site navigation tree: roots have no parent; siblings are ordered by position.
 * The parent is a plain id because the tree is always read whole and assembled in memory.
 */
@Entity
@Table(name = "menu_nodes")
public class MenuNode extends TimestampedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "menu_nodes_seq")
    @SequenceGenerator(name = "menu_nodes_seq", sequenceName = "menu_nodes_seq", allocationSize = 50)
    public Long id;

    @Column(name = "parent_id")
    public Long parentId;

    @Column(nullable = false)
    public int position;

    @Column(nullable = false)
    public String label;

    /** An absolute URL or a path on the blog. */
    @Column(nullable = false)
    public String target;

    /** The page this node was added for (page search), if any. */
    @Column(name = "post_id")
    public Long postId;
}
