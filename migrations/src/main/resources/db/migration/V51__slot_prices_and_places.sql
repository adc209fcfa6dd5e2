-- events (issue 13) and cart (issue 12): a slot may have a price, and then its bookings are bought through the cart;
-- every slot's places per day are counted in the database.

-- No price: bookings are free and go straight to the calendar (pending until an admin moves them).
ALTER TABLE calendar_slots ADD COLUMN price_cents integer;
ALTER TABLE calendar_slots ADD COLUMN currency text NOT NULL DEFAULT 'GBP';
ALTER TABLE calendar_slots ADD CONSTRAINT calendar_slots_price_positive CHECK (price_cents IS NULL OR price_cents > 0);
ALTER TABLE calendar_slots ADD CONSTRAINT calendar_slots_currency_format CHECK (currency ~ '^[A-Z]{3}$');

-- One day of a recurring slot: how many bookings it takes (the slot's capacity) and how many it holds. Every booking,
-- free or through the cart, takes its place with one conditional UPDATE of `taken`; the CHECK refuses any statement
-- (from any replica or connection) that would take more places than there are. A cart's booking line names its slot
-- day (cart item type 'entry', item id slot_days.id).
CREATE SEQUENCE slot_days_seq INCREMENT BY 50;
CREATE TABLE slot_days (
    id          bigint PRIMARY KEY DEFAULT nextval('slot_days_seq'),
    slot_id     bigint NOT NULL REFERENCES calendar_slots (id) ON DELETE CASCADE,
    on_date     date NOT NULL,
    places      integer NOT NULL,
    taken       integer NOT NULL DEFAULT 0,
    created_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT slot_days_unique UNIQUE (slot_id, on_date),
    CONSTRAINT slot_days_places_positive CHECK (places > 0),
    CONSTRAINT slot_days_taken_within_places CHECK (taken >= 0 AND taken <= places)
);

-- The slot day a booking holds a place of (kept when the place is given back, so a reopened booking can take it again).
ALTER TABLE calendar_entries ADD COLUMN slot_day_id bigint REFERENCES slot_days (id) ON DELETE SET NULL;
CREATE INDEX calendar_entries_slot_day_idx ON calendar_entries (slot_day_id) WHERE slot_day_id IS NOT NULL;

-- Bookings made before: their days and places, counted as the old row-lock check counted them.
INSERT INTO slot_days (slot_id, on_date, places, taken)
SELECT e.slot_id, (e.starts_at AT TIME ZONE c.time_zone)::date,
       GREATEST(COALESCE(s.capacity, 1), count(*) FILTER (WHERE e.state <> 'declined')),
       count(*) FILTER (WHERE e.state <> 'declined')
FROM calendar_entries e
JOIN calendar_slots s ON s.id = e.slot_id
JOIN calendars c ON c.id = e.calendar_id
GROUP BY e.slot_id, (e.starts_at AT TIME ZONE c.time_zone)::date, s.capacity;

UPDATE calendar_entries e SET slot_day_id = d.id
FROM slot_days d, calendars c
WHERE c.id = e.calendar_id AND d.slot_id = e.slot_id AND d.on_date = (e.starts_at AT TIME ZONE c.time_zone)::date;
