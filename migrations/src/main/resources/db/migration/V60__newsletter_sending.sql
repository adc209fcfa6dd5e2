-- account: sending newsletter issues (services/account, docs/decisions.md "Newsletter sending").
-- An issue is a draft until an admin sends it; starting a send moves it to 'sending' (once: the update
-- only matches a draft) and writes one delivery row per subscriber in the same transaction. Each row
-- goes from 'pending' to 'sent' in the transaction that hands that one email to SMTP, so a process
-- killed halfway resumes with exactly the rows still pending.
ALTER TABLE newsletter_issues
    ADD COLUMN send_state       text NOT NULL DEFAULT 'draft',
    ADD COLUMN send_started_at  timestamptz,
    ADD CONSTRAINT newsletter_issues_send_state_check CHECK (send_state IN ('draft', 'sending', 'sent'));

CREATE TABLE newsletter_deliveries (
    issue_id         bigint NOT NULL REFERENCES newsletter_issues (id) ON DELETE CASCADE,
    subscription_id  bigint NOT NULL REFERENCES subscriptions (id) ON DELETE CASCADE,
    email            text NOT NULL,
    state            text NOT NULL DEFAULT 'pending',
    attempts         integer NOT NULL DEFAULT 0,
    sent_at          timestamptz,
    PRIMARY KEY (issue_id, subscription_id),
    -- skipped: unsubscribed after the send started; failed: SMTP refused it every time we tried
    CONSTRAINT newsletter_deliveries_state_check CHECK (state IN ('pending', 'sent', 'skipped', 'failed'))
);
CREATE INDEX newsletter_deliveries_pending_idx ON newsletter_deliveries (issue_id, subscription_id) WHERE state = 'pending';

-- A visitor's subscription by email waits here until they follow the link mailed to that address
-- (double opt-in); only the SHA-256 of the link's token is stored.
CREATE SEQUENCE subscription_requests_seq INCREMENT BY 50;
CREATE TABLE subscription_requests (
    id             bigint PRIMARY KEY DEFAULT nextval('subscription_requests_seq'),
    newsletter_id  bigint NOT NULL REFERENCES newsletters (id) ON DELETE CASCADE,
    email          text NOT NULL,
    token_hash     text NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT now(),
    expires_at     timestamptz NOT NULL,
    confirmed_at   timestamptz,
    CONSTRAINT subscription_requests_token_unique UNIQUE (token_hash)
);
