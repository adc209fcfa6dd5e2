-- Event bus: a claimed delivery carries its claimer's token. The processor leases a batch (token +
-- next_attempt_at pushed out by the lease), then handles each row under a row lock, and only while
-- it still holds the token; so a row is handled by exactly one replica even across failures.
ALTER TABLE activity_deliveries
    ADD COLUMN claim_token uuid,
    ADD COLUMN claimed_at  timestamptz;
