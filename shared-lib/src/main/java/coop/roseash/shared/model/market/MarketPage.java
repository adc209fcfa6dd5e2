package coop.roseash.shared.model.market;

import coop.roseash.shared.model.TimestampedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** A market attached to a container (a blog page); at most one per container. */
@Entity
@Table(name = "market_pages")
public class MarketPage extends TimestampedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "market_pages_seq")
    @SequenceGenerator(name = "market_pages_seq", sequenceName = "market_pages_seq", allocationSize = 50)
    public Long id;

    @Column(name = "container_type", nullable = false)
    public String containerType;

    @Column(name = "container_id", nullable = false)
    public Long containerId;

    @Column(nullable = false)
    public String title;

    @Column(nullable = false, unique = true)
    public String slug;

    public String description;
}
