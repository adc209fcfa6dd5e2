package coop.roseash.shared.model.events;

import coop.roseash.shared.model.CreatedEntity;
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
import java.time.LocalTime;

/** One date on which a recurring slot is closed, or open at other times than usual. */
@Entity
@Table(name = "calendar_slot_exceptions")
public class CalendarSlotException extends CreatedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "calendar_slot_exceptions_seq")
    @SequenceGenerator(name = "calendar_slot_exceptions_seq", sequenceName = "calendar_slot_exceptions_seq",
            allocationSize = 50)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "slot_id", nullable = false)
    public CalendarSlot slot;

    @Column(name = "on_date", nullable = false)
    public LocalDate onDate;

    @Column(nullable = false)
    public boolean closed;

    /** The changed times; null when closed. */
    @Column(name = "start_time")
    public LocalTime startTime;

    @Column(name = "end_time")
    public LocalTime endTime;
}
