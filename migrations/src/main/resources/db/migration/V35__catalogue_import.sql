-- market: the catalogue import (a wholesaler's web catalogue -> products). A run and its frontier (the URLs it
-- found, each pending, done or skipped) are rows, so a run survives its process: another replica, or the same
-- service after a restart, takes over a run whose heartbeat went stale and carries on with the pending URLs.

-- The wholesaler's selling unit ("500 g", "case of 12"). IF NOT EXISTS: the market pages may add it too.
ALTER TABLE products ADD COLUMN IF NOT EXISTS unit text;

CREATE SEQUENCE catalogue_import_runs_seq INCREMENT BY 50;
CREATE TABLE catalogue_import_runs (
    id                    bigint PRIMARY KEY DEFAULT nextval('catalogue_import_runs_seq'),
    market_page_id        bigint NOT NULL REFERENCES market_pages (id) ON DELETE CASCADE,
    start_url             text NOT NULL,
    state                 text NOT NULL,
    trigger               text NOT NULL,
    owner                 text NOT NULL,            -- the process working it (replica and start), for take-over
    heartbeat_at          timestamptz NOT NULL DEFAULT now(),
    started_at            timestamptz NOT NULL DEFAULT now(),
    finished_at           timestamptz,
    pages_visited         integer NOT NULL DEFAULT 0,
    pages_skipped         integer NOT NULL DEFAULT 0,
    products_created      integer NOT NULL DEFAULT 0,
    products_updated      integer NOT NULL DEFAULT 0,
    products_unchanged    integer NOT NULL DEFAULT 0,
    products_unavailable  integer NOT NULL DEFAULT 0,
    message               text,
    CONSTRAINT catalogue_import_runs_state CHECK (state IN ('running', 'finished', 'failed')),
    CONSTRAINT catalogue_import_runs_trigger CHECK (trigger IN ('admin', 'schedule'))
);
-- one run at a time across replicas, whatever the application does
CREATE UNIQUE INDEX catalogue_import_runs_one_running ON catalogue_import_runs ((true)) WHERE state = 'running';
CREATE INDEX catalogue_import_runs_started_idx ON catalogue_import_runs (started_at DESC);

CREATE SEQUENCE catalogue_import_urls_seq INCREMENT BY 50;
CREATE TABLE catalogue_import_urls (
    id            bigint PRIMARY KEY DEFAULT nextval('catalogue_import_urls_seq'),
    run_id        bigint NOT NULL REFERENCES catalogue_import_runs (id) ON DELETE CASCADE,
    url           text NOT NULL,
    kind          text NOT NULL,
    category      text,                 -- a category or product page: the category it was found under
    state         text NOT NULL DEFAULT 'pending',
    reason        text,                 -- why it was skipped
    product_code  text,                 -- a product page: the wholesaler's code found on it
    visited_at    timestamptz,
    CONSTRAINT catalogue_import_urls_unique UNIQUE (run_id, url),
    CONSTRAINT catalogue_import_urls_kind CHECK (kind IN ('index', 'category', 'product')),
    CONSTRAINT catalogue_import_urls_state CHECK (state IN ('pending', 'done', 'skipped'))
);
CREATE INDEX catalogue_import_urls_pending_idx ON catalogue_import_urls (run_id, id) WHERE state = 'pending';

-- Products the import made unavailable because they vanished from the catalogue: only these come back when they
-- reappear (a product an admin withdrew stays withdrawn whatever the wholesaler lists).
CREATE TABLE catalogue_vanished_products (
    product_id   bigint PRIMARY KEY REFERENCES products (id) ON DELETE CASCADE,
    run_id       bigint REFERENCES catalogue_import_runs (id) ON DELETE SET NULL,
    vanished_at  timestamptz NOT NULL DEFAULT now()
);
