-- single sign-on: when the member signed in, carried from the authorization code through every rotation, so a
-- refreshed ID token's auth_time is the sign-in and not the previous refresh. Older rows have none (their
-- created_at stands in, as before).
ALTER TABLE refresh_tokens ADD COLUMN auth_time timestamptz;
