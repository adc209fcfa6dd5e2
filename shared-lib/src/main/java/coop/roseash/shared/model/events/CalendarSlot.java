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

import java.time.LocalTime;

/** A recurring slot of a calendar: an ISO day of week (1 = Monday), a time range, its capacity and price. */
@Entity
@Table(name = "calendar_slots")
public class CalendarSlot extends CreatedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "calendar_slots_seq")
    @SequenceGenerator(name = "calendar_slots_seq", sequenceName = "calendar_slots_seq", allocationSize = 50)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "calendar_id", nullable = false)
    public Calendar calendar;

    @Column(name = "day_of_week", nullable = false)
    public int dayOfWeek;

    @Column(name = "start_time", nullable = false)
    public LocalTime startTime;

    @Column(name = "end_time", nullable = false)
    public LocalTime endTime;

    public String label;

    public Integer capacity;

    /** Price of one booking; null when bookings are free (they go straight to the calendar, not through the cart). */
    @Column(name = "price_cents")
    public Integer priceCents;

    @Column(nullable = false)
    public String currency = "GBP";
}
