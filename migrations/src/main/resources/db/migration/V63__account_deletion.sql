-- account: a member's deletion of their account (services/account, docs/decisions.md "Account deletion").
-- The request waits here until the member follows the link mailed to their address (single use, one hour); only the
-- SHA-256 of the link's token is stored. Once confirmed the address is wiped from the row: what stays is that member
-- N asked and when, which is what the cooperative must be able to show.
CREATE SEQUENCE account_deletions_seq INCREMENT BY 50;
CREATE TABLE account_deletions (
    id            bigint PRIMARY KEY DEFAULT nextval('account_deletions_seq'),
    user_id       bigint NOT NULL,   -- federation's users.id
    email         text,              -- where the link went; null once confirmed
    token_hash    text NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    expires_at    timestamptz NOT NULL,
    confirmed_at  timestamptz,
    CONSTRAINT account_deletions_token_unique UNIQUE (token_hash),
    CONSTRAINT account_deletions_confirmed_wiped CHECK (confirmed_at IS NULL OR email IS NULL)
);
CREATE INDEX account_deletions_user_idx ON account_deletions (user_id);

-- cart and events keep orders and tickets after their member's account is deleted (the law wants the sale on
-- record) but without anyone they point to: no member, no device. Such rows say when they were anonymised.
ALTER TABLE orders ADD COLUMN anonymised_at timestamptz;
ALTER TABLE orders DROP CONSTRAINT orders_identity;
ALTER TABLE orders ADD CONSTRAINT orders_identity
    CHECK (user_id IS NOT NULL OR device_id IS NOT NULL OR anonymised_at IS NOT NULL);
ALTER TABLE tickets ADD COLUMN anonymised_at timestamptz;
ALTER TABLE tickets DROP CONSTRAINT tickets_identity;
ALTER TABLE tickets ADD CONSTRAINT tickets_identity
    CHECK (user_id IS NOT NULL OR device_id IS NOT NULL OR anonymised_at IS NOT NULL);
