package coop.roseash.shared.model.events;

import coop.roseash.shared.model.TimestampedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** A calendar attached to a container (page); its slug is unique within the container. */
@Entity
@Table(name = "calendars")
public class Calendar extends TimestampedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "calendars_seq")
    @SequenceGenerator(name = "calendars_seq", sequenceName = "calendars_seq", allocationSize = 50)
    public Long id;

    @Column(name = "container_type", nullable = false)
    public String containerType;

    @Column(name = "container_id", nullable = false)
    public Long containerId;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String slug;

    public String description;

    /** IANA zone in which slots and day views are read. */
    @Column(name = "time_zone", nullable = false)
    public String timeZone = "Europe/London";
}
