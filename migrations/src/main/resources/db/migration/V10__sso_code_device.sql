-- single sign-on: the anonymous device an authorization code came from (its collected carts and
-- bookings are adopted on login), and PKCE optional for confidential clients (still S256 only).
ALTER TABLE authorization_codes ADD COLUMN device_id text;
ALTER TABLE authorization_codes ALTER COLUMN code_challenge DROP NOT NULL;
ALTER TABLE authorization_codes ALTER COLUMN code_challenge_method DROP NOT NULL;
ALTER TABLE authorization_codes DROP CONSTRAINT authorization_codes_pkce_s256;
ALTER TABLE authorization_codes ADD CONSTRAINT authorization_codes_pkce_s256
    CHECK ((code_challenge IS NULL AND code_challenge_method IS NULL)
        OR (code_challenge IS NOT NULL AND code_challenge_method = 'S256'));
