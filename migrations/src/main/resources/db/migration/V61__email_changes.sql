-- account: a member's change of email address waits here until they follow the link mailed to the new address;
-- only the SHA-256 of the link's token is stored. users (federation's) is named by id only, across domains.
CREATE SEQUENCE email_changes_seq INCREMENT BY 50;
CREATE TABLE email_changes (
    id            bigint PRIMARY KEY DEFAULT nextval('email_changes_seq'),
    user_id       bigint NOT NULL,   -- federation's users.id
    old_email     text NOT NULL,
    new_email     text NOT NULL,
    token_hash    text NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    expires_at    timestamptz NOT NULL,
    confirmed_at  timestamptz,
    CONSTRAINT email_changes_token_unique UNIQUE (token_hash)
);
CREATE INDEX email_changes_user_idx ON email_changes (user_id);
