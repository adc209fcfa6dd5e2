-- Seeds a benchmark database with 10,000 published posts (about 150 words each), 20 tags and one author.
-- Run after the migrations, on an empty blog: psql -v ON_ERROR_STOP=1 -d DB -f seed.sql
BEGIN;
TRUNCATE posts, authors, tags, post_tags, old_slugs CASCADE;

INSERT INTO authors (name, slug, bio) VALUES ('Bench Author', 'bench-author', 'Writes a great deal.');

INSERT INTO tags (name, slug)
SELECT 'Topic ' || t, 'topic-' || t FROM generate_series(1, 20) t;

CREATE TEMP TABLE words (n int, w text);
INSERT INTO words
SELECT row_number() OVER (), w FROM unnest(string_to_array(
  'apple bread compost bees soup orchard harvest garden market member cooperative volunteer meeting '
  'seed allotment kitchen bakery festival music children workshop river bridge library repair bicycle '
  'solar energy housing rent food bank winter summer spring autumn recipe pickles honey cheese milk '
  'farm tractor barn sheep wool knitting quilt pottery kiln clay paint mural choir dance theatre film', ' ')) w;

INSERT INTO posts (type, status, slug, title, html, plaintext, author_id, published_at, created_at, updated_at)
SELECT 'post', 'published', 'bench-post-' || b.i,
       'Bench post ' || b.i || ': ' || (SELECT w FROM words WHERE n = 1 + (b.i * 7) % (SELECT count(*) FROM words)::int) || ' and '
                                     || (SELECT w FROM words WHERE n = 1 + (b.i * 13) % (SELECT count(*) FROM words)::int),
       '<p>' || b.body || '</p>', b.body,
       (SELECT id FROM authors WHERE slug = 'bench-author'),
       now() - make_interval(mins => b.i), now(), now()
FROM (
  SELECT g.i, string_agg(w.w, ' ' ORDER BY k.k) AS body
  FROM generate_series(1, 10000) g(i)
  CROSS JOIN generate_series(1, 150) k(k)
  JOIN words w ON w.n = 1 + ((g.i * 31 + k.k * 17 + (g.i % 7) * k.k) % (SELECT count(*) FROM words)::int)
  GROUP BY g.i
) b;

INSERT INTO post_tags (post_id, tag_id, position)
SELECT p.id, t.id, 0 FROM posts p JOIN tags t ON t.slug = 'topic-' || (1 + p.id % 20);

COMMIT;
VACUUM ANALYZE posts;  -- as autovacuum would: sets the visibility map, so counts use index-only scans
ANALYZE post_tags;
SELECT count(*) AS published_posts FROM posts WHERE status = 'published';
