package coop.roseash.events.tickets;

import coop.roseash.events.web.Forms;
import coop.roseash.events.web.InvalidInput;
import coop.roseash.shared.model.events.CalendarEntry;
import coop.roseash.shared.model.events.TicketType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.List;

/** Ticket types of an entry: name, price and capacity. */
@ApplicationScoped
public class TicketTypeService {

    private final EntityManager em;

    TicketTypeService(EntityManager em) {
        this.em = em;
    }

    @Transactional
    public TicketTypeView add(long entryId, String name, String price, String capacity) {
        CalendarEntry entry = CalendarEntry.findById(entryId);
        if (entry == null) {
            throw new InvalidInput(404, "There is no such entry.");
        }
        String cleanName = Forms.required(name, "Name");
        int cents = Forms.priceCents(price, "Price");
        Integer places = Forms.optionalInt(capacity, "Capacity");
        if (places != null && places < 0) {
            throw new InvalidInput("Capacity cannot be negative (leave it empty for no limit).");
        }
        if (TicketType.count("entry = ?1 and name = ?2", entry, cleanName) > 0) {
            throw new InvalidInput(409, "This entry already has a ticket type called “" + cleanName + "”.");
        }
        TicketType t = new TicketType();
        t.entry = entry;
        t.name = cleanName;
        t.priceCents = cents;
        t.capacity = places;
        t.persist();
        return TicketTypeView.of(t);
    }

    /**
     * Changes a type's capacity. Lowering it below the tickets already taken is refused by the schema's CHECK as
     * well as here, so a racing sale cannot slip between the read and the write.
     */
    @Transactional
    public long changeCapacity(long typeId, String capacity) {
        TicketType t = requireType(typeId);
        Integer places = Forms.optionalInt(capacity, "Capacity");
        if (places != null && places < 0) {
            throw new InvalidInput("Capacity cannot be negative (leave it empty for no limit).");
        }
        // the condition gives a message instead of the CHECK's error in the common case; the CHECK still holds
        // against a sale racing this statement
        int changed = places == null
                ? em.createNativeQuery("UPDATE ticket_types SET capacity = NULL WHERE id = ?1")
                        .setParameter(1, typeId).executeUpdate()
                : em.createNativeQuery("UPDATE ticket_types SET capacity = ?1 WHERE id = ?2 AND taken <= ?1")
                        .setParameter(1, places).setParameter(2, typeId).executeUpdate();
        if (changed == 0) {
            em.refresh(t);
            throw new InvalidInput(409, t.taken + " tickets of “" + t.name + "” are already sold or reserved;"
                    + " the capacity cannot be lower than that.");
        }
        return t.entry.id;
    }

    @Transactional
    public List<TicketTypeView> forEntry(long entryId) {
        return TicketType.<TicketType>list("entry.id = ?1 order by priceCents, name", entryId).stream()
                .map(TicketTypeView::of).toList();
    }

    @Transactional
    public long entryOf(long typeId) {
        return requireType(typeId).entry.id;
    }

    private static TicketType requireType(long id) {
        TicketType t = TicketType.findById(id);
        if (t == null) {
            throw new InvalidInput(404, "There is no such ticket type.");
        }
        return t;
    }
}
