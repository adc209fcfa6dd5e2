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

/** A kind of ticket for an entry (name, price, capacity; null capacity is unlimited). */
@Entity
@Table(name = "ticket_types")
public class TicketType extends CreatedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ticket_types_seq")
    @SequenceGenerator(name = "ticket_types_seq", sequenceName = "ticket_types_seq", allocationSize = 50)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "entry_id", nullable = false)
    public CalendarEntry entry;

    @Column(nullable = false)
    public String name;

    @Column(name = "price_cents", nullable = false)
    public int priceCents;

    @Column(nullable = false)
    public String currency = "GBP";

    public Integer capacity;

    /** Tickets reserved or issued; the schema keeps it within {@link #capacity}. Changed only by SQL updates. */
    @Column(nullable = false, insertable = false, updatable = false)
    public int taken;
}
