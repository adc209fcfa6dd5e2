package coop.roseash.shared.model.activity;

import coop.roseash.shared.bus.Visibility;
import coop.roseash.shared.model.CreatedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * An ActivityPub-shaped event on the platform's event bus, written in the business transaction.
 * Written only through {@code coop.roseash.shared.bus.ActivityPublisher}.
 */
@Entity
@Table(name = "ap_activities")
public class ApActivity extends CreatedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ap_activities_seq")
    @SequenceGenerator(name = "ap_activities_seq", sequenceName = "ap_activities_seq", allocationSize = 50)
    public Long id;

    /** The activity type, for example {@code Create} or {@code rose:OrderPaid}. */
    @Column(nullable = false)
    public String type;

    @Column(nullable = false)
    public String actor;

    /** The activity's object as JSON. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public String object;

    @Column(name = "origin_service", nullable = false)
    public String originService;

    @Convert(converter = Visibility.Converter.class)
    @Column(nullable = false)
    public Visibility visibility = Visibility.INTERNAL;
}
