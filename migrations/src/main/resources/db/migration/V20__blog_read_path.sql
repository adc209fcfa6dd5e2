-- blog read path: a generation number that changes with every committed change to what public listings and
-- search show, so the blog can cache them and still show every write on the next request; and search vectors
-- kept in the row, so ranking thousands of matches does not fetch each one from TOAST storage.

CREATE TABLE blog_read_generation (
    id          boolean PRIMARY KEY DEFAULT true CHECK (id),   -- exactly one row
    generation  bigint NOT NULL
);
INSERT INTO blog_read_generation (generation) VALUES (1);

-- Bumped once per writing transaction, at commit (a deferred trigger), so the new number becomes visible
-- together with the data, and the row lock is held only while committing: two editors never deadlock on it.
CREATE FUNCTION blog_bump_read_generation() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF current_setting('roseash.blog_generation_bumped', true) IS DISTINCT FROM 'yes' THEN
        UPDATE blog_read_generation SET generation = generation + 1;
        PERFORM set_config('roseash.blog_generation_bumped', 'yes', true);  -- until the transaction ends
    END IF;
    RETURN NULL;
END $$;

CREATE CONSTRAINT TRIGGER posts_read_generation AFTER INSERT OR UPDATE OR DELETE ON posts
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION blog_bump_read_generation();
CREATE CONSTRAINT TRIGGER post_tags_read_generation AFTER INSERT OR UPDATE OR DELETE ON post_tags
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION blog_bump_read_generation();
CREATE CONSTRAINT TRIGGER tags_read_generation AFTER INSERT OR UPDATE OR DELETE ON tags
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION blog_bump_read_generation();
CREATE CONSTRAINT TRIGGER authors_read_generation AFTER INSERT OR UPDATE OR DELETE ON authors
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION blog_bump_read_generation();

-- TRUNCATE cannot have a constraint trigger; it is rare (tests, benchmark seeding) and a statement trigger does.
CREATE TRIGGER posts_read_generation_truncate AFTER TRUNCATE ON posts
    FOR EACH STATEMENT EXECUTE FUNCTION blog_bump_read_generation();
CREATE TRIGGER post_tags_read_generation_truncate AFTER TRUNCATE ON post_tags
    FOR EACH STATEMENT EXECUTE FUNCTION blog_bump_read_generation();
CREATE TRIGGER tags_read_generation_truncate AFTER TRUNCATE ON tags
    FOR EACH STATEMENT EXECUTE FUNCTION blog_bump_read_generation();
CREATE TRIGGER authors_read_generation_truncate AFTER TRUNCATE ON authors
    FOR EACH STATEMENT EXECUTE FUNCTION blog_bump_read_generation();

-- Search ranks every match with ts_rank, which reads each matching row's vector. Out of line (TOAST) that was
-- about ten times the cost of ranking itself (measured: 5,713 matches, ~100 ms against ~10 ms in the row). So
-- rows are toasted only past 8160 bytes instead of 2 kB, and the vector is MAIN: html and plaintext leave the row
-- first; only a vector too big for the row even then (a very long article) goes out of line.
ALTER TABLE posts SET (toast_tuple_target = 8160);
ALTER TABLE posts ALTER COLUMN search_vector SET STORAGE MAIN;
-- rewrites the existing rows with the new storage (the stored vector is recomputed on update)
UPDATE posts SET id = id;
