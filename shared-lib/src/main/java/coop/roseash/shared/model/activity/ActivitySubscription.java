package coop.roseash.shared.model.activity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import org.hibernate.annotations.UpdateTimestamp;

import java.time.Instant;

/**
 * A service's declaration that it handles an activity type ({@code *}: every type). Publishers read
 * these rows to create one delivery per consuming service; each service rewrites its own at start-up.
 */
@Entity
@Table(name = "activity_subscriptions")
public class ActivitySubscription extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "activity_subscriptions_seq")
    @SequenceGenerator(name = "activity_subscriptions_seq", sequenceName = "activity_subscriptions_seq", allocationSize = 50)
    public Long id;

    @Column(nullable = false)
    public String service;

    @Column(name = "activity_type", nullable = false)
    public String activityType;

    @UpdateTimestamp
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
