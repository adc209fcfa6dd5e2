-- events (issue 13): slot exceptions, ticket capacity counted in the database, members' booking-feed tokens.

-- One date of a recurring slot that differs: closed that day, or open at other times.
CREATE SEQUENCE calendar_slot_exceptions_seq INCREMENT BY 50;
CREATE TABLE calendar_slot_exceptions (
    id          bigint PRIMARY KEY DEFAULT nextval('calendar_slot_exceptions_seq'),
    slot_id     bigint NOT NULL REFERENCES calendar_slots (id) ON DELETE CASCADE,
    on_date     date NOT NULL,
    closed      boolean NOT NULL,
    start_time  time,
    end_time    time,
    created_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT calendar_slot_exceptions_unique UNIQUE (slot_id, on_date),
    CONSTRAINT calendar_slot_exceptions_shape CHECK (
        (closed AND start_time IS NULL AND end_time IS NULL)
        OR (NOT closed AND start_time IS NOT NULL AND end_time IS NOT NULL AND end_time > start_time))
);

-- Tickets reserved or issued per type. Every reservation raises it with one conditional UPDATE, and the CHECK
-- refuses any statement (from any replica or connection) that would take it past the capacity, or lower the
-- capacity below what is already sold.
ALTER TABLE ticket_types ADD COLUMN taken integer NOT NULL DEFAULT 0;
ALTER TABLE ticket_types ADD CONSTRAINT ticket_types_taken_within_capacity
    CHECK (taken >= 0 AND (capacity IS NULL OR taken <= capacity));

-- The secret in a member's bookings-feed URL; resetting it replaces the row's token.
CREATE TABLE booking_feed_tokens (
    user_id     bigint PRIMARY KEY,
    token       text NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT booking_feed_tokens_token_unique UNIQUE (token)
);

CREATE INDEX ticket_types_entry_idx ON ticket_types (entry_id);
CREATE INDEX calendar_entries_public_idx ON calendar_entries (starts_at) WHERE public AND state = 'confirmed';
