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

import java.time.Instant;

/** A ticket with a unique code (shown as a QR code), checked in once at the door. */
@Entity
@Table(name = "tickets")
public class Ticket extends TimestampedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "tickets_seq")
    @SequenceGenerator(name = "tickets_seq", sequenceName = "tickets_seq", allocationSize = 50)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "ticket_type_id", nullable = false)
    public TicketType ticketType;

    @Column(nullable = false, unique = true)
    public String code;

    @Convert(converter = TicketState.Converter.class)
    @Column(nullable = false)
    public TicketState state = TicketState.RESERVED;

    @Column(name = "user_id")
    public Long userId;

    @Column(name = "device_id")
    public String deviceId;

    @Column(name = "order_id")
    public Long orderId;

    @Column(name = "checked_in_at")
    public Instant checkedInAt;
}
