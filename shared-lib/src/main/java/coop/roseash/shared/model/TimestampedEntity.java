package coop.roseash.shared.model;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import org.hibernate.annotations.UpdateTimestamp;

import java.time.Instant;

/** An entity whose table has {@code created_at} and {@code updated_at}, kept by Hibernate. */
@MappedSuperclass
public abstract class TimestampedEntity extends CreatedEntity {

    @UpdateTimestamp
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
