package coop.roseash.shared.model.events;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.LocalDate;

/**
 * One day of a recurring slot and its places. {@code taken} changes only by conditional UPDATEs
 * ({@code shared.services.events.SlotPlaces}), never through this entity.
 */
@Entity
@Table(name = "slot_days")
public class SlotDay extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "slot_days_seq")
    @SequenceGenerator(name = "slot_days_seq", sequenceName = "slot_days_seq", allocationSize = 50)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "slot_id", nullable = false)
    public CalendarSlot slot;

    @Column(name = "on_date", nullable = false)
    public LocalDate onDate;

    @Column(nullable = false)
    public int places;

    @Column(nullable = false, insertable = false, updatable = false)
    public int taken;
}
