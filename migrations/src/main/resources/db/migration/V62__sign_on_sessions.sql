-- federation: the member's sign-on sessions as the account dashboard lists them ("active sessions", "sign out
-- everywhere else"). The session itself stays in Redis (login/FederationSessions); this row says what a member
-- needs to recognise it: the device it was started on (a browser and system label parsed from the User-Agent, not
-- the header itself), when it started, when a service last used it and which services did. Only the SHA-256 of the
-- session id is kept (as Redis keys it), so the table names no session a browser could present.
CREATE SEQUENCE sign_on_sessions_seq INCREMENT BY 50;
CREATE TABLE sign_on_sessions (
    id            bigint PRIMARY KEY DEFAULT nextval('sign_on_sessions_seq'),
    session_hash  text NOT NULL,
    user_id       bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    device        text NOT NULL,
    client_ids    text[] NOT NULL DEFAULT '{}',
    started_at    timestamptz NOT NULL DEFAULT now(),
    last_seen_at  timestamptz NOT NULL DEFAULT now(),
    ended_at      timestamptz,
    CONSTRAINT sign_on_sessions_hash_unique UNIQUE (session_hash)
);
CREATE INDEX sign_on_sessions_live_idx ON sign_on_sessions (user_id) WHERE ended_at IS NULL;
