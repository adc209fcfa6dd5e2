-- ActivityPub (platform.md section 6; shared-lib coop.roseash.shared.activitypub).
--
-- A service's own actor (blog's @blog@blog.{domain}, market's, events', federation's) is an actor profile that
-- belongs to no member: user_id is NULL and service_actor names the service. Everything keyed by
-- actor_profile_id (followers, interactions, notifications) then works for it as for a member's actor.
ALTER TABLE actor_profiles ALTER COLUMN user_id DROP NOT NULL;
ALTER TABLE actor_profiles ADD COLUMN service_actor text;
ALTER TABLE actor_profiles ADD CONSTRAINT actor_profiles_owner_check
    CHECK ((user_id IS NULL) <> (service_actor IS NULL));
ALTER TABLE actor_profiles ADD CONSTRAINT actor_profiles_service_actor_check
    CHECK (service_actor IS NULL OR service_actor IN ('blog', 'market', 'events', 'federation'));
CREATE UNIQUE INDEX actor_profiles_service_actor_unique ON actor_profiles (service_actor) WHERE service_actor IS NOT NULL;
-- private_key_pem now holds the key sealed with AES-256-GCM ("sealed:v1:..."), never the PEM itself
COMMENT ON COLUMN actor_profiles.private_key_pem IS 'sealed with roseash.activitypub.key-encryption-key';

-- Activities our actors sent, as served in their outboxes and delivered to remote inboxes.
CREATE SEQUENCE ap_outbox_seq INCREMENT BY 50;
CREATE TABLE ap_outbox (
    id                bigint PRIMARY KEY DEFAULT nextval('ap_outbox_seq'),
    actor_profile_id  bigint NOT NULL REFERENCES actor_profiles (id) ON DELETE CASCADE,
    actor_service     text NOT NULL,
    activity_uri      text NOT NULL,
    activity_type     text NOT NULL,
    object_uri        text,
    activity          jsonb NOT NULL,
    public            boolean NOT NULL DEFAULT true,
    created_at        timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT ap_outbox_activity_unique UNIQUE (activity_uri),
    CONSTRAINT ap_outbox_service_check CHECK (actor_service IN ('blog', 'market', 'events', 'federation'))
);
CREATE INDEX ap_outbox_actor_idx ON ap_outbox (actor_profile_id, actor_service, id DESC);
CREATE INDEX ap_outbox_object_idx ON ap_outbox (object_uri);

-- One row per (activity, inbox): the persisted delivery queue. Followers sharing an inbox get one POST.
CREATE SEQUENCE ap_deliveries_seq INCREMENT BY 50;
CREATE TABLE ap_deliveries (
    id               bigint PRIMARY KEY DEFAULT nextval('ap_deliveries_seq'),
    outbox_id        bigint NOT NULL REFERENCES ap_outbox (id) ON DELETE CASCADE,
    inbox_url        text NOT NULL,
    state            text NOT NULL DEFAULT 'pending',
    attempts         integer NOT NULL DEFAULT 0,
    next_attempt_at  timestamptz NOT NULL DEFAULT now(),
    last_status      integer,
    last_error       text,
    delivered_at     timestamptz,
    claim_token      uuid,
    claimed_at       timestamptz,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT ap_deliveries_state_check CHECK (state IN ('pending', 'delivered', 'failed')),
    CONSTRAINT ap_deliveries_unique UNIQUE (outbox_id, inbox_url)
);
CREATE INDEX ap_deliveries_due_idx ON ap_deliveries (next_attempt_at) WHERE state = 'pending';
CREATE INDEX ap_deliveries_failed_idx ON ap_deliveries (inbox_url) WHERE state = 'failed';

-- Incoming activities already handled (idempotency on the activity id) and signatures already seen (replay).
CREATE TABLE ap_inbox_seen (
    key          text PRIMARY KEY,             -- 'activity:' || id, or 'signature:' || sha-256 of the signature
    received_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ap_inbox_seen_age_idx ON ap_inbox_seen (received_at);

-- an Article's title, shown above its content in the timeline
ALTER TABLE remote_posts ADD COLUMN name text;
