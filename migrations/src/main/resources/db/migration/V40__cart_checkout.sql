-- Checkout and payment reconciliation (services/cart). All columns are added with defaults or as nullable, so
-- the previous release keeps running beside this one during a deploy.

-- where the confirmation goes: the member's email as it was at checkout
ALTER TABLE orders ADD COLUMN email text;
-- SumUp's hosted payment page for this order, so a member who left can come back to it
ALTER TABLE orders ADD COLUMN hosted_checkout_url text;
-- a payment an admin must look at (SumUp says PAID for another amount); never confirmed automatically
ALTER TABLE orders ADD COLUMN needs_attention boolean NOT NULL DEFAULT false;
-- why an order failed, was cancelled or needs attention, in words for the admin
ALTER TABLE orders ADD COLUMN failure_reason text;
-- the confirmation email was claimed for sending (set once, by the first sender; reset if sending failed)
ALTER TABLE orders ADD COLUMN confirmation_mailed_at timestamptz;
-- when the reconciliation job next asks SumUp about a pending order (a lease: replicas take different orders)
ALTER TABLE orders ADD COLUMN next_check_at timestamptz NOT NULL DEFAULT now();

CREATE INDEX orders_pending_check_idx ON orders (next_check_at) WHERE status = 'pending';
CREATE INDEX orders_unmailed_idx ON orders (paid_at) WHERE status = 'paid' AND confirmation_mailed_at IS NULL;
CREATE INDEX orders_container_idx ON orders (container_type, container_id, created_at DESC);
