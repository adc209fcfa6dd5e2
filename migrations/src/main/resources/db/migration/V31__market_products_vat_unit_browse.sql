-- market: what a product page shows beyond V1 (the VAT rate included in its price, the unit it is sold by), and
-- what browsing a market page reads (services/market/README.md, "Speed": each index below is there for a query
-- the benchmark measures).

-- Prices stay VAT-inclusive in cents (price_cents: what the member pays and the cart charges). The rate included
-- is kept beside it in basis points (2000 = 20 %, 500 = 5 %, 0 = zero-rated), so the VAT part of a price is
-- price_cents * vat_rate_bp / (10000 + vat_rate_bp), rounded half up: whole numbers only, no float anywhere.
ALTER TABLE products ADD COLUMN vat_rate_bp integer NOT NULL DEFAULT 0;
ALTER TABLE products ADD CONSTRAINT products_vat_rate_range CHECK (vat_rate_bp BETWEEN 0 AND 10000);

-- What one unit of the price is: "500 g", "1 l", "each", "pack of 6". Null when the title says it all.
ALTER TABLE products ADD COLUMN unit text;

-- Browsing shows only what is on sale (available), one market page at a time. Each sort order reads the first
-- page of its index in order and stops; id breaks ties, so a page boundary never shows a product twice or skips one.
CREATE INDEX products_browse_newest_idx ON products (market_page_id, created_at DESC, id DESC) WHERE available;
CREATE INDEX products_browse_price_idx ON products (market_page_id, price_cents, id) WHERE available;
CREATE INDEX products_browse_title_idx ON products (market_page_id, lower(title), id) WHERE available;
-- one category, newest first; and the market's list of categories, read by skipping from one value to the next
CREATE INDEX products_browse_category_idx ON products (market_page_id, category, created_at DESC, id DESC) WHERE available;
-- one brand; and the list of brands, read the same way
CREATE INDEX products_browse_brand_idx ON products (market_page_id, brand) WHERE available;
-- the labels filter: labels @> ARRAY['organic', 'vegan']
CREATE INDEX products_labels_idx ON products USING GIN (labels) WHERE available;

-- The labels of each product, one row per label, kept by a trigger from products.labels for every writer (market's
-- admin, the catalogue import, plain SQL). It exists for the filter's list of labels: read from the products, that
-- list costs a pass over every product of the market (50 ms for 20,000); here it is one index probe per label.
CREATE TABLE product_labels (
    product_id      bigint NOT NULL REFERENCES products (id) ON DELETE CASCADE,
    market_page_id  bigint,
    label           text NOT NULL,
    available       boolean NOT NULL,
    PRIMARY KEY (product_id, label)
);
CREATE INDEX product_labels_market_idx ON product_labels (market_page_id, label) WHERE available;

CREATE FUNCTION market_sync_product_labels() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND NEW.labels IS NOT DISTINCT FROM OLD.labels AND NEW.available = OLD.available
            AND NEW.market_page_id IS NOT DISTINCT FROM OLD.market_page_id THEN
        RETURN NULL;
    END IF;
    DELETE FROM product_labels WHERE product_id = NEW.id;
    INSERT INTO product_labels (product_id, market_page_id, label, available)
    SELECT DISTINCT NEW.id, NEW.market_page_id, l, NEW.available FROM unnest(NEW.labels) l WHERE l IS NOT NULL;
    RETURN NULL;
END $$;

CREATE TRIGGER products_sync_labels AFTER INSERT OR UPDATE OF labels, available, market_page_id ON products
    FOR EACH ROW EXECUTE FUNCTION market_sync_product_labels();
