package coop.roseash.events.entries;

import coop.roseash.events.web.InvalidInput;
import coop.roseash.shared.model.events.EntryState;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static coop.roseash.shared.model.events.EntryState.CONFIRMED;
import static coop.roseash.shared.model.events.EntryState.DECLINED;
import static coop.roseash.shared.model.events.EntryState.ORDERED;
import static coop.roseash.shared.model.events.EntryState.PENDING;
import static coop.roseash.shared.model.events.EntryState.PROVISIONAL;

/**
 * The admin's moves between an entry's states: pending → provisional → ordered → confirmed, declined from any state
 * before it is over, and a declined entry may be reopened as pending. Anything else is refused with a message.
 */
public final class EntryTransitions {

    private static final Map<EntryState, Set<EntryState>> NEXT = Map.of(
            PENDING, EnumSet.of(PROVISIONAL, CONFIRMED, DECLINED),
            PROVISIONAL, EnumSet.of(PENDING, ORDERED, CONFIRMED, DECLINED),
            ORDERED, EnumSet.of(CONFIRMED, DECLINED),
            CONFIRMED, EnumSet.of(DECLINED),
            DECLINED, EnumSet.of(PENDING));

    private EntryTransitions() {
    }

    public static Set<EntryState> from(EntryState state) {
        return NEXT.get(state);
    }

    /** The state named {@code target}, if {@code from} may move there; otherwise an {@link InvalidInput} (409). */
    public static EntryState check(EntryState from, String target) {
        EntryState to;
        try {
            to = EntryState.valueOf(target == null ? "" : target.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInput(400, "“" + target + "” is not a state of an entry.");
        }
        if (!NEXT.get(from).contains(to)) {
            throw new InvalidInput(409, "A " + name(from) + " entry cannot become " + name(to) + "; from "
                    + name(from) + " it can become " + String.join(" or ",
                    NEXT.get(from).stream().map(EntryTransitions::name).toList()) + ".");
        }
        return to;
    }

    public static String name(EntryState s) {
        return s.name().toLowerCase(Locale.ROOT);
    }
}
