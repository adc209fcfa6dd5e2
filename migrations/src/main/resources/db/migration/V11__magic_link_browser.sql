-- single sign-on: a magic link is bound to the browser that asked for it (the hash of a nonce kept in
-- that browser's cookie), so opening it elsewhere asks before signing in (login CSRF, mail scanners).
-- Links from before this change have no binding and always ask.
ALTER TABLE magic_links ADD COLUMN browser_hash text;
