package coop.roseash.shared.model.events;

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
import jakarta.persistence.Version;

import java.time.Instant;

/** An event or a booking on a calendar, booked by a member or an anonymous device. */
@Entity
@Table(name = "calendar_entries")
public class CalendarEntry extends TimestampedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "calendar_entries_seq")
    @SequenceGenerator(name = "calendar_entries_seq", sequenceName = "calendar_entries_seq", allocationSize = 50)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "calendar_id", nullable = false)
    public Calendar calendar;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "slot_id")
    public CalendarSlot slot;

    @Column(nullable = false)
    public String title;

    public String description;

    @Column(name = "starts_at", nullable = false)
    public Instant startsAt;

    @Column(name = "ends_at", nullable = false)
    public Instant endsAt;

    @Convert(converter = EntryState.Converter.class)
    @Column(nullable = false)
    public EntryState state = EntryState.PENDING;

    /** A public entry is announced to ActivityPub followers as an Event. */
    @Column(name = "public", nullable = false)
    public boolean isPublic;

    @Column(name = "user_id")
    public Long userId;

    @Column(name = "device_id")
    public String deviceId;

    /** The slot day whose place a booking holds (taken while the booking is not declined). */
    @Column(name = "slot_day_id")
    public Long slotDayId;

    /** cart's orders.id once the entry is ordered. */
    @Column(name = "order_id")
    public Long orderId;

    @Version
    @Column(nullable = false)
    public int version;
}
