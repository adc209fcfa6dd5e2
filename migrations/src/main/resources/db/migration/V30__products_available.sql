-- A product that is withdrawn by an admin, or vanished from the wholesaler's catalogue, stays (orders and
-- likes refer to it) but can no longer be bought: market hides it from browsing, cart refuses it.
ALTER TABLE products ADD COLUMN available boolean NOT NULL DEFAULT true;
