package coop.roseash.shared.model.activity;

import coop.roseash.shared.model.TimestampedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** The processing state of one activity for one consuming service (unique per activity and service). */
@Entity
@Table(name = "activity_deliveries")
public class ActivityDelivery extends TimestampedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "activity_deliveries_seq")
    @SequenceGenerator(name = "activity_deliveries_seq", sequenceName = "activity_deliveries_seq", allocationSize = 50)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "activity_id", nullable = false)
    public ApActivity activity;

    @Column(nullable = false)
    public String service;

    @Convert(converter = DeliveryState.Converter.class)
    @Column(nullable = false)
    public DeliveryState state = DeliveryState.PENDING;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    public Instant nextAttemptAt;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "processed_at")
    public Instant processedAt;

    /** The token of the processor run that holds this delivery; null when unclaimed. */
    @Column(name = "claim_token")
    public UUID claimToken;

    @Column(name = "claimed_at")
    public Instant claimedAt;
}
