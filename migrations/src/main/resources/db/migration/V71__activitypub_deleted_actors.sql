-- A member who deletes their account leaves a tombstone of their actor: no member, no name, no graph, only the
-- username (never handed to anyone else: a newcomer must not inherit the old actor's followers' trust) and the keypair
-- that signs the Delete still being delivered to the servers that followed them (docs/decisions.md, ActivityPub).
ALTER TABLE actor_profiles ADD COLUMN deleted_at timestamptz;
ALTER TABLE actor_profiles DROP CONSTRAINT actor_profiles_owner_check;
ALTER TABLE actor_profiles ADD CONSTRAINT actor_profiles_owner_check CHECK (
    (deleted_at IS NULL AND (user_id IS NULL) <> (service_actor IS NULL))
    OR (deleted_at IS NOT NULL AND user_id IS NULL AND service_actor IS NULL));
