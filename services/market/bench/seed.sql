-- Seeds a benchmark database with one market page of 20,000 products in 50 categories (about 200 brands, 12
-- labels, 2 % withdrawn, a third with tracked stock), attached to a published blog page whose settings turn the
-- market on. Run after the migrations, on an empty market: psql -v ON_ERROR_STOP=1 -d DB -f seed.sql
BEGIN;
TRUNCATE product_likes, products, market_pages CASCADE;
DELETE FROM page_configs WHERE container_type = 'page' AND container_id = 900001;
DELETE FROM posts WHERE slug = 'bench-market-page';

INSERT INTO posts (id, type, status, slug, title, published_at)
VALUES (900001, 'page', 'published', 'bench-market-page', 'Bench market page', now());
INSERT INTO page_configs (container_type, container_id, market_enabled) VALUES ('page', 900001, true);
INSERT INTO market_pages (id, container_type, container_id, title, slug, description)
VALUES (900001, 'page', 900001, 'Bench market', 'bench', 'Twenty thousand products.');

CREATE TEMP TABLE words (n int, w text);
INSERT INTO words
SELECT row_number() OVER (), w FROM unnest(string_to_array(
  'apple oat rice lentil bean pea barley rye spelt wheat quinoa millet almond cashew hazelnut walnut peanut '
  'raisin date fig apricot prune cranberry coconut cocoa chocolate coffee tea honey syrup jam marmalade '
  'pasta noodle couscous flour sugar salt pepper cumin paprika ginger turmeric cinnamon vanilla mustard '
  'vinegar oil olive sesame sunflower pumpkin chia flax hemp soap shampoo detergent candle tofu tempeh miso', ' ')) w;
CREATE TEMP TABLE labels (n int, l text);
INSERT INTO labels VALUES (0, 'organic'), (1, 'vegan'), (2, 'vegetarian'), (3, 'gluten-free'), (4, 'fairtrade'),
  (5, 'palm-oil-free'), (6, 'raw'), (7, 'sugar-free'), (8, 'wholefood'), (9, 'local'), (10, 'plastic-free'),
  (11, 'kosher');

INSERT INTO products (market_page_id, slug, title, brand, category, description_html, price_cents, currency,
                      vat_rate_bp, unit, stock, labels, image_urls, available, created_at, updated_at)
SELECT 900001,
       'bench-product-' || g.i,
       initcap(w1.w) || ' and ' || w2.w || ' ' || (ARRAY['mix', 'bar', 'flakes', 'spread', 'bites', 'drink'])[1 + g.i % 6]
           || ' ' || g.i,
       'Brand ' || (1 + (g.i * 37) % 200),
       'Category ' || (1 + (g.i * 11) % 50),
       '<p>' || initcap(w1.w) || ' with ' || w2.w || ', packed for the co-op.</p>',
       50 + (g.i * 7919) % 4950,
       'GBP',
       (ARRAY[0, 0, 0, 500, 2000])[1 + g.i % 5],
       (ARRAY['500 g', '1 kg', '250 g', '1 l', 'each', 'pack of 6'])[1 + g.i % 6],
       CASE WHEN g.i % 3 = 0 THEN (g.i * 13) % 40 END,
       ARRAY(SELECT labels.l FROM labels WHERE abs(hashint4(g.i * 16 + labels.n)) % 100 < 20 ORDER BY labels.n),
       ARRAY['https://images.invalid/bench/' || g.i || '.jpg'],
       g.i % 50 <> 0,
       now() - make_interval(mins => g.i),
       now()
FROM generate_series(1, 20000) g(i)
JOIN words w1 ON w1.n = 1 + (g.i * 31) % (SELECT count(*) FROM words)::int
JOIN words w2 ON w2.n = 1 + (g.i * 17 + 5) % (SELECT count(*) FROM words)::int;
COMMIT;
VACUUM ANALYZE products;
-- as autovacuum would after the load: the seed's one transaction left a dead version of the facet counters per product
VACUUM ANALYZE market_facets;
