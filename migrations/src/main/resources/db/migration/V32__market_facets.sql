-- market: the filter menus of a market page (its categories, brands and labels) as one small table, kept by a
-- trigger from products for every writer (market's admin, the catalogue import, plain SQL), like an index.
--
-- Why (services/market/README.md, "Speed"): every listing page shows the three menus. Read from products, by skipping
-- through an index from one value to the next (V31), they cost one index probe per value: about 260 probes for the
-- benchmark's 20,000 products (50 categories, 200 brands, 12 labels), 1.7 ms of PostgreSQL's time per page, more than
-- the page's own products and count together. Here they are one index range of about 260 short rows.
--
-- One row per market page, facet and value, with the number of products on sale (available) that have it. A row
-- whose count drops to zero stays (it comes back with the next product) and is not shown.
CREATE TABLE market_facets (
    market_page_id  bigint NOT NULL REFERENCES market_pages (id) ON DELETE CASCADE,
    facet           text NOT NULL,
    value           text NOT NULL,
    products        integer NOT NULL,
    PRIMARY KEY (market_page_id, facet, value),
    CONSTRAINT market_facets_facet CHECK (facet IN ('category', 'brand', 'label'))
);
-- Its rows are counters, updated by every product write (an import of 20,000 products: about 100,000 updates of a
-- few hundred rows). Room on each page keeps those updates HOT (no new index entry), and vacuuming after a thousand
-- dead rows rather than a fifth of the table keeps a listing from wading through old versions.
ALTER TABLE market_facets SET (fillfactor = 50, autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 1000,
                               autovacuum_analyze_scale_factor = 0, autovacuum_analyze_threshold = 1000);

-- The facet values one product row brings: nothing unless it is on sale on a market page.
CREATE FUNCTION market_product_facets(available boolean, market_page_id bigint, category text, brand text,
                                      labels text[]) RETURNS TABLE (facet text, value text)
    LANGUAGE sql IMMUTABLE AS $$
    SELECT f.facet, f.value FROM (
        SELECT 'category' AS facet, category AS value
        UNION ALL SELECT 'brand', brand
        UNION ALL SELECT DISTINCT 'label', l FROM unnest(labels) l
    ) f
    WHERE available AND market_page_id IS NOT NULL AND f.value IS NOT NULL
$$;

CREATE FUNCTION market_sync_facets() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND NEW.available = OLD.available AND NEW.market_page_id IS NOT DISTINCT FROM OLD.market_page_id
            AND NEW.category IS NOT DISTINCT FROM OLD.category AND NEW.brand IS NOT DISTINCT FROM OLD.brand
            AND NEW.labels IS NOT DISTINCT FROM OLD.labels THEN
        RETURN NULL;
    END IF;
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        -- an UPDATE only: the market page may be being deleted (ON DELETE SET NULL), its rows gone already
        UPDATE market_facets m SET products = m.products - 1
        FROM market_product_facets(OLD.available, OLD.market_page_id, OLD.category, OLD.brand, OLD.labels) o
        WHERE m.market_page_id = OLD.market_page_id AND m.facet = o.facet AND m.value = o.value;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        -- in key order, so two writers take the rows' locks in the same order
        INSERT INTO market_facets (market_page_id, facet, value, products)
        SELECT NEW.market_page_id, n.facet, n.value, 1 FROM market_product_facets(NEW.available, NEW.market_page_id, NEW.category, NEW.brand, NEW.labels) n ORDER BY n.facet, n.value
        ON CONFLICT (market_page_id, facet, value) DO UPDATE SET products = market_facets.products + 1;
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER products_sync_facets AFTER INSERT OR DELETE OR UPDATE OF category, brand, labels, available, market_page_id
    ON products FOR EACH ROW EXECUTE FUNCTION market_sync_facets();

INSERT INTO market_facets (market_page_id, facet, value, products)
SELECT p.market_page_id, f.facet, f.value, count(*)
FROM products p, market_product_facets(p.available, p.market_page_id, p.category, p.brand, p.labels) f
GROUP BY p.market_page_id, f.facet, f.value;

-- Superseded: product_labels (V31) was there only for the labels menu.
DROP TRIGGER products_sync_labels ON products;
DROP FUNCTION market_sync_product_labels();
DROP TABLE product_labels;
