-- Rose Ash platform schema, version 1: every table of platform.md sections 2-7.
--
-- Conventions (see migrations/README.md):
--  * one schema; each table belongs to one domain (comment above each block);
--  * foreign keys only inside a domain; cross-domain references are plain bigint ids;
--  * containers (a blog page or post) are (container_type, container_id) without a foreign key;
--  * ids come from one sequence per table, INCREMENT BY 50 to match Hibernate's pooled optimizer
--    (allocationSize = 50); the column default lets plain SQL inserts take ids safely too;
--  * every timestamp is timestamptz; states are text with a CHECK.

-- ---------------------------------------------------------------------------------------------
-- federation: members and single sign-on
-- ---------------------------------------------------------------------------------------------

CREATE SEQUENCE users_seq INCREMENT BY 50;
CREATE TABLE users (
    id             bigint PRIMARY KEY DEFAULT nextval('users_seq'),
    email          text NOT NULL,
    display_name   text,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    last_login_at  timestamptz,
    CONSTRAINT users_email_normalized CHECK (email = lower(btrim(email)) AND email LIKE '%_@_%'),
    CONSTRAINT users_email_unique UNIQUE (email)
);

CREATE SEQUENCE magic_links_seq INCREMENT BY 50;
CREATE TABLE magic_links (
    id             bigint PRIMARY KEY DEFAULT nextval('magic_links_seq'),
    email          text NOT NULL,
    token_hash     text NOT NULL,
    -- the authorization request to resume once the link is used (opaque to the schema)
    pending_request jsonb,
    created_at     timestamptz NOT NULL DEFAULT now(),
    expires_at     timestamptz NOT NULL,
    used_at        timestamptz,
    CONSTRAINT magic_links_token_unique UNIQUE (token_hash),
    CONSTRAINT magic_links_expiry CHECK (expires_at > created_at)
);
CREATE INDEX magic_links_email_idx ON magic_links (email, created_at DESC);

CREATE SEQUENCE oauth_clients_seq INCREMENT BY 50;
CREATE TABLE oauth_clients (
    id                         bigint PRIMARY KEY DEFAULT nextval('oauth_clients_seq'),
    client_id                  text NOT NULL,
    name                       text NOT NULL,
    client_secret_hash         text,
    redirect_uris              text[] NOT NULL DEFAULT '{}',
    post_logout_redirect_uris  text[] NOT NULL DEFAULT '{}',
    backchannel_logout_uri     text,
    first_party                boolean NOT NULL DEFAULT false,
    -- rows written from app-config.yaml at start; config wins for these ids
    from_config                boolean NOT NULL DEFAULT false,
    enabled                    boolean NOT NULL DEFAULT true,
    created_at                 timestamptz NOT NULL DEFAULT now(),
    updated_at                 timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT oauth_clients_client_id_unique UNIQUE (client_id)
);

CREATE SEQUENCE authorization_codes_seq INCREMENT BY 50;
CREATE TABLE authorization_codes (
    id                     bigint PRIMARY KEY DEFAULT nextval('authorization_codes_seq'),
    code_hash              text NOT NULL,
    client_id              text NOT NULL REFERENCES oauth_clients (client_id) ON DELETE CASCADE,
    user_id                bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    redirect_uri           text NOT NULL,
    scope                  text NOT NULL,
    nonce                  text,
    code_challenge         text NOT NULL,
    code_challenge_method  text NOT NULL DEFAULT 'S256',
    session_id             text,
    auth_time              timestamptz NOT NULL,
    created_at             timestamptz NOT NULL DEFAULT now(),
    expires_at             timestamptz NOT NULL,
    used_at                timestamptz,
    CONSTRAINT authorization_codes_code_unique UNIQUE (code_hash),
    CONSTRAINT authorization_codes_pkce_s256 CHECK (code_challenge_method = 'S256'),
    CONSTRAINT authorization_codes_expiry CHECK (expires_at > created_at)
);
CREATE INDEX authorization_codes_user_idx ON authorization_codes (user_id);

-- a member's consent to a client (first-party clients are granted implicitly)
CREATE SEQUENCE oauth_grants_seq INCREMENT BY 50;
CREATE TABLE oauth_grants (
    id          bigint PRIMARY KEY DEFAULT nextval('oauth_grants_seq'),
    user_id     bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    client_id   text NOT NULL REFERENCES oauth_clients (client_id) ON DELETE CASCADE,
    scope       text NOT NULL,
    granted_at  timestamptz NOT NULL DEFAULT now(),
    revoked_at  timestamptz,
    CONSTRAINT oauth_grants_user_client_unique UNIQUE (user_id, client_id)
);

-- rotation: each use issues a new token in the same family; reuse of a used token revokes the family
CREATE SEQUENCE refresh_tokens_seq INCREMENT BY 50;
CREATE TABLE refresh_tokens (
    id           bigint PRIMARY KEY DEFAULT nextval('refresh_tokens_seq'),
    token_hash   text NOT NULL,
    family_id    uuid NOT NULL,
    client_id    text NOT NULL REFERENCES oauth_clients (client_id) ON DELETE CASCADE,
    user_id      bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    scope        text NOT NULL,
    session_id   text,
    created_at   timestamptz NOT NULL DEFAULT now(),
    expires_at   timestamptz NOT NULL,
    used_at      timestamptz,
    revoked_at   timestamptz,
    CONSTRAINT refresh_tokens_token_unique UNIQUE (token_hash),
    CONSTRAINT refresh_tokens_expiry CHECK (expires_at > created_at)
);
CREATE INDEX refresh_tokens_family_idx ON refresh_tokens (family_id);
CREATE INDEX refresh_tokens_user_idx ON refresh_tokens (user_id);

-- ---------------------------------------------------------------------------------------------
-- blog: authors, posts and pages, tags, redirects, navigation, snippets, per-page settings
-- ---------------------------------------------------------------------------------------------

CREATE SEQUENCE authors_seq INCREMENT BY 50;
CREATE TABLE authors (
    id             bigint PRIMARY KEY DEFAULT nextval('authors_seq'),
    user_id        bigint,                -- federation's users.id, when the author is a member
    name           text NOT NULL,
    slug           text NOT NULL,
    email          text,                  -- imported authors are matched to members by email
    bio            text,
    profile_image  text,
    ghost_id       text,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT authors_slug_unique UNIQUE (slug),
    CONSTRAINT authors_ghost_id_unique UNIQUE (ghost_id),
    CONSTRAINT authors_user_unique UNIQUE (user_id),
    CONSTRAINT authors_name_not_blank CHECK (btrim(name) <> '')
);
CREATE INDEX authors_email_idx ON authors (lower(email));

CREATE SEQUENCE posts_seq INCREMENT BY 50;
CREATE TABLE posts (
    id              bigint PRIMARY KEY DEFAULT nextval('posts_seq'),
    type            text NOT NULL DEFAULT 'post',
    status          text NOT NULL DEFAULT 'draft',
    slug            text NOT NULL,
    title           text NOT NULL,
    html            text NOT NULL DEFAULT '',   -- sanitized rich text
    plaintext       text NOT NULL DEFAULT '',
    excerpt         text,
    feature_image   text,
    author_id       bigint REFERENCES authors (id) ON DELETE SET NULL,
    ghost_id        text,
    version         integer NOT NULL DEFAULT 0, -- optimistic locking
    published_at    timestamptz,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    search_vector   tsvector GENERATED ALWAYS AS (
                        setweight(to_tsvector('english'::regconfig, coalesce(title, '')), 'A') ||
                        setweight(to_tsvector('english'::regconfig, coalesce(excerpt, '')), 'B') ||
                        setweight(to_tsvector('english'::regconfig, coalesce(plaintext, '')), 'C')
                    ) STORED,
    CONSTRAINT posts_type_check CHECK (type IN ('post', 'page')),
    CONSTRAINT posts_status_check CHECK (status IN ('draft', 'published')),
    CONSTRAINT posts_published_has_date CHECK (status <> 'published' OR published_at IS NOT NULL),
    CONSTRAINT posts_slug_format CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    CONSTRAINT posts_slug_unique UNIQUE (slug),
    CONSTRAINT posts_ghost_id_unique UNIQUE (ghost_id)
);
CREATE INDEX posts_listing_idx ON posts (type, status, published_at DESC);
CREATE INDEX posts_author_idx ON posts (author_id);
CREATE INDEX posts_search_idx ON posts USING GIN (search_vector);

CREATE SEQUENCE tag_groups_seq INCREMENT BY 50;
CREATE TABLE tag_groups (
    id          bigint PRIMARY KEY DEFAULT nextval('tag_groups_seq'),
    name        text NOT NULL,
    slug        text NOT NULL,
    position    integer NOT NULL DEFAULT 0,
    created_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT tag_groups_slug_unique UNIQUE (slug)
);

CREATE SEQUENCE tags_seq INCREMENT BY 50;
CREATE TABLE tags (
    id            bigint PRIMARY KEY DEFAULT nextval('tags_seq'),
    name          text NOT NULL,
    slug          text NOT NULL,
    description   text,
    tag_group_id  bigint REFERENCES tag_groups (id) ON DELETE SET NULL,
    ghost_id      text,
    created_at    timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT tags_slug_unique UNIQUE (slug),
    CONSTRAINT tags_ghost_id_unique UNIQUE (ghost_id)
);
CREATE INDEX tags_group_idx ON tags (tag_group_id);

CREATE SEQUENCE post_tags_seq INCREMENT BY 50;
CREATE TABLE post_tags (
    id        bigint PRIMARY KEY DEFAULT nextval('post_tags_seq'),
    post_id   bigint NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
    tag_id    bigint NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
    position  integer NOT NULL DEFAULT 0,
    CONSTRAINT post_tags_unique UNIQUE (post_id, tag_id)
);
CREATE INDEX post_tags_tag_idx ON post_tags (tag_id);

-- old slugs of renamed posts, answered with a permanent redirect
CREATE SEQUENCE old_slugs_seq INCREMENT BY 50;
CREATE TABLE old_slugs (
    id          bigint PRIMARY KEY DEFAULT nextval('old_slugs_seq'),
    post_id     bigint NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
    slug        text NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT old_slugs_slug_unique UNIQUE (slug)
);
CREATE INDEX old_slugs_post_idx ON old_slugs (post_id);

CREATE SEQUENCE menu_nodes_seq INCREMENT BY 50;
CREATE TABLE menu_nodes (
    id          bigint PRIMARY KEY DEFAULT nextval('menu_nodes_seq'),
    parent_id   bigint REFERENCES menu_nodes (id) ON DELETE CASCADE,
    position    integer NOT NULL DEFAULT 0,
    label       text NOT NULL,
    target      text NOT NULL,        -- absolute URL or a path on the blog
    post_id     bigint REFERENCES posts (id) ON DELETE SET NULL,  -- when added by page search
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT menu_nodes_label_not_blank CHECK (btrim(label) <> ''),
    CONSTRAINT menu_nodes_not_own_parent CHECK (parent_id IS NULL OR parent_id <> id)
);
CREATE INDEX menu_nodes_parent_idx ON menu_nodes (parent_id, position);

CREATE SEQUENCE snippets_seq INCREMENT BY 50;
CREATE TABLE snippets (
    id          bigint PRIMARY KEY DEFAULT nextval('snippets_seq'),
    name        text NOT NULL,
    slug        text NOT NULL,
    html        text NOT NULL DEFAULT '',
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT snippets_slug_unique UNIQUE (slug)
);

-- per-page settings: SumUp merchant and feature flags of one container
CREATE SEQUENCE page_configs_seq INCREMENT BY 50;
CREATE TABLE page_configs (
    id                        bigint PRIMARY KEY DEFAULT nextval('page_configs_seq'),
    container_type            text NOT NULL,
    container_id              bigint NOT NULL,
    sumup_merchant_code       text,
    -- the SumUp API credentials, encrypted by the application (never stored in clear)
    sumup_credentials_encrypted bytea,
    calendar_enabled          boolean NOT NULL DEFAULT false,
    market_enabled            boolean NOT NULL DEFAULT false,
    tickets_enabled           boolean NOT NULL DEFAULT false,
    created_at                timestamptz NOT NULL DEFAULT now(),
    updated_at                timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT page_configs_container_unique UNIQUE (container_type, container_id)
);

-- ---------------------------------------------------------------------------------------------
-- market: market pages, products, likes
-- ---------------------------------------------------------------------------------------------

CREATE SEQUENCE market_pages_seq INCREMENT BY 50;
CREATE TABLE market_pages (
    id              bigint PRIMARY KEY DEFAULT nextval('market_pages_seq'),
    container_type  text NOT NULL,
    container_id    bigint NOT NULL,
    title           text NOT NULL,
    slug            text NOT NULL,
    description     text,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT market_pages_container_unique UNIQUE (container_type, container_id),
    CONSTRAINT market_pages_slug_unique UNIQUE (slug)
);

CREATE SEQUENCE products_seq INCREMENT BY 50;
CREATE TABLE products (
    id                bigint PRIMARY KEY DEFAULT nextval('products_seq'),
    market_page_id    bigint REFERENCES market_pages (id) ON DELETE SET NULL,
    slug              text NOT NULL,
    title             text NOT NULL,
    brand             text,
    category          text,
    description_html  text NOT NULL DEFAULT '',
    price_cents       integer NOT NULL,
    currency          text NOT NULL DEFAULT 'GBP',
    stock             integer,                  -- null: not tracked
    labels            text[] NOT NULL DEFAULT '{}',
    image_urls        text[] NOT NULL DEFAULT '{}',
    external_id       text,                     -- the wholesaler's id: makes import idempotent
    source_url        text,
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT products_slug_unique UNIQUE (slug),
    CONSTRAINT products_external_id_unique UNIQUE (external_id),
    CONSTRAINT products_price_non_negative CHECK (price_cents >= 0),
    CONSTRAINT products_stock_non_negative CHECK (stock IS NULL OR stock >= 0),
    CONSTRAINT products_currency_format CHECK (currency ~ '^[A-Z]{3}$')
);
CREATE INDEX products_market_page_idx ON products (market_page_id);
CREATE INDEX products_category_idx ON products (category);
CREATE INDEX products_search_idx ON products USING GIN (
    to_tsvector('english'::regconfig, title || ' ' || coalesce(brand, '') || ' ' || coalesce(category, '')));

CREATE SEQUENCE product_likes_seq INCREMENT BY 50;
CREATE TABLE product_likes (
    id          bigint PRIMARY KEY DEFAULT nextval('product_likes_seq'),
    product_id  bigint NOT NULL REFERENCES products (id) ON DELETE CASCADE,
    user_id     bigint NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT product_likes_unique UNIQUE (product_id, user_id)
);
CREATE INDEX product_likes_user_idx ON product_likes (user_id);

-- ---------------------------------------------------------------------------------------------
-- cart: cart lines, orders
-- ---------------------------------------------------------------------------------------------

-- identity: a member (user_id) or, until login, an anonymous device (device_id)
CREATE SEQUENCE cart_items_seq INCREMENT BY 50;
CREATE TABLE cart_items (
    id              bigint PRIMARY KEY DEFAULT nextval('cart_items_seq'),
    user_id         bigint,
    device_id       text,
    container_type  text NOT NULL,
    container_id    bigint NOT NULL,
    item_type       text NOT NULL,
    item_id         bigint NOT NULL,   -- products.id, calendar_entries.id or ticket_types.id
    quantity        integer NOT NULL DEFAULT 1,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT cart_items_identity CHECK (user_id IS NOT NULL OR device_id IS NOT NULL),
    CONSTRAINT cart_items_item_type_check CHECK (item_type IN ('product', 'entry', 'ticket')),
    CONSTRAINT cart_items_quantity_positive CHECK (quantity > 0)
);
CREATE UNIQUE INDEX cart_items_member_line_unique
    ON cart_items (user_id, container_type, container_id, item_type, item_id) WHERE user_id IS NOT NULL;
CREATE UNIQUE INDEX cart_items_device_line_unique
    ON cart_items (device_id, container_type, container_id, item_type, item_id) WHERE user_id IS NULL;
CREATE INDEX cart_items_device_idx ON cart_items (device_id) WHERE user_id IS NULL;

CREATE SEQUENCE orders_seq INCREMENT BY 50;
CREATE TABLE orders (
    id                  bigint PRIMARY KEY DEFAULT nextval('orders_seq'),
    user_id             bigint,
    device_id           text,
    container_type      text NOT NULL,
    container_id        bigint NOT NULL,
    status              text NOT NULL DEFAULT 'pending',
    checkout_reference  text NOT NULL,
    sumup_checkout_id   text,
    merchant_code       text,
    amount_cents        integer NOT NULL,
    currency            text NOT NULL DEFAULT 'GBP',
    paid_at             timestamptz,
    version             integer NOT NULL DEFAULT 0,
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT orders_identity CHECK (user_id IS NOT NULL OR device_id IS NOT NULL),
    CONSTRAINT orders_status_check CHECK (status IN ('pending', 'paid', 'failed', 'cancelled', 'expired')),
    CONSTRAINT orders_paid_has_date CHECK (status <> 'paid' OR paid_at IS NOT NULL),
    CONSTRAINT orders_checkout_reference_unique UNIQUE (checkout_reference),
    CONSTRAINT orders_sumup_checkout_unique UNIQUE (sumup_checkout_id),
    CONSTRAINT orders_amount_non_negative CHECK (amount_cents >= 0),
    CONSTRAINT orders_currency_format CHECK (currency ~ '^[A-Z]{3}$')
);
CREATE INDEX orders_user_idx ON orders (user_id, created_at DESC);
CREATE INDEX orders_device_idx ON orders (device_id) WHERE user_id IS NULL;

CREATE SEQUENCE order_items_seq INCREMENT BY 50;
CREATE TABLE order_items (
    id                bigint PRIMARY KEY DEFAULT nextval('order_items_seq'),
    order_id          bigint NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    item_type         text NOT NULL,
    item_id           bigint NOT NULL,
    title             text NOT NULL,     -- what was bought, as it was called then
    quantity          integer NOT NULL,
    unit_price_cents  integer NOT NULL,
    CONSTRAINT order_items_item_type_check CHECK (item_type IN ('product', 'entry', 'ticket')),
    CONSTRAINT order_items_quantity_positive CHECK (quantity > 0),
    CONSTRAINT order_items_price_non_negative CHECK (unit_price_cents >= 0)
);
CREATE INDEX order_items_order_idx ON order_items (order_id);

-- ---------------------------------------------------------------------------------------------
-- events: calendars, recurring slots, entries, ticket types, tickets, entry-post links
-- ---------------------------------------------------------------------------------------------

CREATE SEQUENCE calendars_seq INCREMENT BY 50;
CREATE TABLE calendars (
    id              bigint PRIMARY KEY DEFAULT nextval('calendars_seq'),
    container_type  text NOT NULL,
    container_id    bigint NOT NULL,
    name            text NOT NULL,
    slug            text NOT NULL,
    description     text,
    time_zone       text NOT NULL DEFAULT 'Europe/London',
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT calendars_container_slug_unique UNIQUE (container_type, container_id, slug)
);

-- a recurring slot: ISO day of week (1 = Monday) plus a time range
CREATE SEQUENCE calendar_slots_seq INCREMENT BY 50;
CREATE TABLE calendar_slots (
    id           bigint PRIMARY KEY DEFAULT nextval('calendar_slots_seq'),
    calendar_id  bigint NOT NULL REFERENCES calendars (id) ON DELETE CASCADE,
    day_of_week  integer NOT NULL,
    start_time   time NOT NULL,
    end_time     time NOT NULL,
    label        text,
    capacity     integer,
    created_at   timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT calendar_slots_day_check CHECK (day_of_week BETWEEN 1 AND 7),
    CONSTRAINT calendar_slots_range_check CHECK (end_time > start_time),
    CONSTRAINT calendar_slots_capacity_check CHECK (capacity IS NULL OR capacity > 0)
);
CREATE INDEX calendar_slots_calendar_idx ON calendar_slots (calendar_id, day_of_week);

CREATE SEQUENCE calendar_entries_seq INCREMENT BY 50;
CREATE TABLE calendar_entries (
    id           bigint PRIMARY KEY DEFAULT nextval('calendar_entries_seq'),
    calendar_id  bigint NOT NULL REFERENCES calendars (id) ON DELETE CASCADE,
    slot_id      bigint REFERENCES calendar_slots (id) ON DELETE SET NULL,
    title        text NOT NULL,
    description  text,
    starts_at    timestamptz NOT NULL,
    ends_at      timestamptz NOT NULL,
    state        text NOT NULL DEFAULT 'pending',
    public       boolean NOT NULL DEFAULT false,
    user_id      bigint,     -- who booked it: a member ...
    device_id    text,       -- ... or an anonymous device, until login
    order_id     bigint,     -- cart's orders.id once ordered
    version      integer NOT NULL DEFAULT 0,
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT calendar_entries_state_check
        CHECK (state IN ('pending', 'provisional', 'ordered', 'confirmed', 'declined')),
    CONSTRAINT calendar_entries_range_check CHECK (ends_at >= starts_at)
);
CREATE INDEX calendar_entries_calendar_idx ON calendar_entries (calendar_id, starts_at);
CREATE INDEX calendar_entries_order_idx ON calendar_entries (order_id) WHERE order_id IS NOT NULL;
CREATE INDEX calendar_entries_user_idx ON calendar_entries (user_id) WHERE user_id IS NOT NULL;
CREATE INDEX calendar_entries_device_idx ON calendar_entries (device_id) WHERE user_id IS NULL;

CREATE SEQUENCE ticket_types_seq INCREMENT BY 50;
CREATE TABLE ticket_types (
    id           bigint PRIMARY KEY DEFAULT nextval('ticket_types_seq'),
    entry_id     bigint NOT NULL REFERENCES calendar_entries (id) ON DELETE CASCADE,
    name         text NOT NULL,
    price_cents  integer NOT NULL,
    currency     text NOT NULL DEFAULT 'GBP',
    capacity     integer,    -- null: unlimited
    created_at   timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT ticket_types_price_non_negative CHECK (price_cents >= 0),
    CONSTRAINT ticket_types_capacity_check CHECK (capacity IS NULL OR capacity >= 0),
    CONSTRAINT ticket_types_currency_format CHECK (currency ~ '^[A-Z]{3}$'),
    CONSTRAINT ticket_types_entry_name_unique UNIQUE (entry_id, name)
);

CREATE SEQUENCE tickets_seq INCREMENT BY 50;
CREATE TABLE tickets (
    id              bigint PRIMARY KEY DEFAULT nextval('tickets_seq'),
    ticket_type_id  bigint NOT NULL REFERENCES ticket_types (id) ON DELETE RESTRICT,
    code            text NOT NULL,
    state           text NOT NULL DEFAULT 'reserved',
    user_id         bigint,
    device_id       text,
    order_id        bigint,
    checked_in_at   timestamptz,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT tickets_code_unique UNIQUE (code),
    CONSTRAINT tickets_state_check CHECK (state IN ('reserved', 'issued', 'cancelled')),
    CONSTRAINT tickets_check_in_needs_issue CHECK (checked_in_at IS NULL OR state = 'issued'),
    CONSTRAINT tickets_identity CHECK (user_id IS NOT NULL OR device_id IS NOT NULL)
);
CREATE INDEX tickets_type_idx ON tickets (ticket_type_id);
CREATE INDEX tickets_user_idx ON tickets (user_id) WHERE user_id IS NOT NULL;
CREATE INDEX tickets_device_idx ON tickets (device_id) WHERE user_id IS NULL;
CREATE INDEX tickets_order_idx ON tickets (order_id) WHERE order_id IS NOT NULL;

CREATE SEQUENCE entry_posts_seq INCREMENT BY 50;
CREATE TABLE entry_posts (
    id          bigint PRIMARY KEY DEFAULT nextval('entry_posts_seq'),
    entry_id    bigint NOT NULL REFERENCES calendar_entries (id) ON DELETE CASCADE,
    post_id     bigint NOT NULL,   -- blog's posts.id
    created_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT entry_posts_unique UNIQUE (entry_id, post_id)
);
CREATE INDEX entry_posts_post_idx ON entry_posts (post_id);

-- ---------------------------------------------------------------------------------------------
-- federation: ActivityPub actors, social graph, timeline, interactions, notifications
-- ---------------------------------------------------------------------------------------------

CREATE SEQUENCE actor_profiles_seq INCREMENT BY 50;
CREATE TABLE actor_profiles (
    id               bigint PRIMARY KEY DEFAULT nextval('actor_profiles_seq'),
    user_id          bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    username         text NOT NULL,
    display_name     text,
    summary          text,
    public_key_pem   text NOT NULL,
    private_key_pem  text NOT NULL,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT actor_profiles_user_unique UNIQUE (user_id),
    CONSTRAINT actor_profiles_username_unique UNIQUE (username),
    CONSTRAINT actor_profiles_username_format CHECK (username ~ '^[a-z0-9_]{1,30}$')
);

CREATE SEQUENCE remote_actors_seq INCREMENT BY 50;
CREATE TABLE remote_actors (
    id                  bigint PRIMARY KEY DEFAULT nextval('remote_actors_seq'),
    actor_uri           text NOT NULL,
    inbox_url           text NOT NULL,
    shared_inbox_url    text,
    preferred_username  text,
    domain              text NOT NULL,
    display_name        text,
    summary             text,
    icon_url            text,
    public_key_id       text,
    public_key_pem      text,
    fetched_at          timestamptz NOT NULL DEFAULT now(),
    created_at          timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT remote_actors_uri_unique UNIQUE (actor_uri)
);
CREATE INDEX remote_actors_handle_idx ON remote_actors (lower(preferred_username), domain);
CREATE INDEX remote_actors_key_idx ON remote_actors (public_key_id);

-- remote actors following one of a member's per-service actors (blog, market, events, federation)
CREATE SEQUENCE followers_seq INCREMENT BY 50;
CREATE TABLE followers (
    id                bigint PRIMARY KEY DEFAULT nextval('followers_seq'),
    actor_profile_id  bigint NOT NULL REFERENCES actor_profiles (id) ON DELETE CASCADE,
    actor_service     text NOT NULL,
    remote_actor_id   bigint NOT NULL REFERENCES remote_actors (id) ON DELETE CASCADE,
    follow_activity_uri text,
    created_at        timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT followers_service_check CHECK (actor_service IN ('blog', 'market', 'events', 'federation')),
    CONSTRAINT followers_unique UNIQUE (actor_profile_id, actor_service, remote_actor_id)
);
CREATE INDEX followers_remote_idx ON followers (remote_actor_id);

-- a member's follows of remote actors
CREATE SEQUENCE following_seq INCREMENT BY 50;
CREATE TABLE following (
    id                  bigint PRIMARY KEY DEFAULT nextval('following_seq'),
    actor_profile_id    bigint NOT NULL REFERENCES actor_profiles (id) ON DELETE CASCADE,
    remote_actor_id     bigint NOT NULL REFERENCES remote_actors (id) ON DELETE CASCADE,
    state               text NOT NULL DEFAULT 'pending',
    follow_activity_uri text NOT NULL,
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT following_state_check CHECK (state IN ('pending', 'accepted', 'rejected')),
    CONSTRAINT following_unique UNIQUE (actor_profile_id, remote_actor_id),
    CONSTRAINT following_activity_unique UNIQUE (follow_activity_uri)
);
CREATE INDEX following_remote_idx ON following (remote_actor_id);

CREATE SEQUENCE remote_posts_seq INCREMENT BY 50;
CREATE TABLE remote_posts (
    id               bigint PRIMARY KEY DEFAULT nextval('remote_posts_seq'),
    object_uri       text NOT NULL,
    remote_actor_id  bigint NOT NULL REFERENCES remote_actors (id) ON DELETE CASCADE,
    object_type      text NOT NULL,
    content_html     text NOT NULL DEFAULT '',   -- sanitized on receipt
    summary          text,
    url              text,
    in_reply_to_uri  text,
    published_at     timestamptz NOT NULL,
    edited_at        timestamptz,
    received_at      timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT remote_posts_uri_unique UNIQUE (object_uri),
    CONSTRAINT remote_posts_type_check CHECK (object_type IN ('Note', 'Article', 'Question', 'Page'))
);
CREATE INDEX remote_posts_timeline_idx ON remote_posts (published_at DESC);
CREATE INDEX remote_posts_actor_idx ON remote_posts (remote_actor_id, published_at DESC);

-- likes and boosts: incoming (a remote actor on a local object) and outgoing (a member on a remote post)
CREATE SEQUENCE interactions_seq INCREMENT BY 50;
CREATE TABLE interactions (
    id                bigint PRIMARY KEY DEFAULT nextval('interactions_seq'),
    direction         text NOT NULL,
    type              text NOT NULL,
    actor_profile_id  bigint NOT NULL REFERENCES actor_profiles (id) ON DELETE CASCADE,
    remote_actor_id   bigint REFERENCES remote_actors (id) ON DELETE CASCADE,
    object_uri        text NOT NULL,
    activity_uri      text NOT NULL,
    created_at        timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT interactions_direction_check CHECK (direction IN ('incoming', 'outgoing')),
    CONSTRAINT interactions_type_check CHECK (type IN ('like', 'announce')),
    CONSTRAINT interactions_incoming_has_actor CHECK (direction = 'outgoing' OR remote_actor_id IS NOT NULL),
    CONSTRAINT interactions_activity_unique UNIQUE (activity_uri)
);
CREATE UNIQUE INDEX interactions_outgoing_unique
    ON interactions (actor_profile_id, type, object_uri) WHERE direction = 'outgoing';
CREATE UNIQUE INDEX interactions_incoming_unique
    ON interactions (remote_actor_id, type, object_uri) WHERE direction = 'incoming';
CREATE INDEX interactions_object_idx ON interactions (object_uri);

CREATE SEQUENCE notifications_seq INCREMENT BY 50;
CREATE TABLE notifications (
    id                bigint PRIMARY KEY DEFAULT nextval('notifications_seq'),
    actor_profile_id  bigint NOT NULL REFERENCES actor_profiles (id) ON DELETE CASCADE,
    type              text NOT NULL,
    remote_actor_id   bigint REFERENCES remote_actors (id) ON DELETE CASCADE,
    object_uri        text,
    read_at           timestamptz,
    created_at        timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT notifications_type_check CHECK (type IN ('follow', 'like', 'announce', 'reply', 'mention'))
);
CREATE INDEX notifications_recipient_idx ON notifications (actor_profile_id, created_at DESC);
CREATE INDEX notifications_unread_idx ON notifications (actor_profile_id) WHERE read_at IS NULL;

-- ---------------------------------------------------------------------------------------------
-- account: newsletters and subscriptions
-- ---------------------------------------------------------------------------------------------

CREATE SEQUENCE newsletters_seq INCREMENT BY 50;
CREATE TABLE newsletters (
    id           bigint PRIMARY KEY DEFAULT nextval('newsletters_seq'),
    slug         text NOT NULL,
    name         text NOT NULL,
    description  text,
    active       boolean NOT NULL DEFAULT true,
    created_at   timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT newsletters_slug_unique UNIQUE (slug)
);

CREATE SEQUENCE subscriptions_seq INCREMENT BY 50;
CREATE TABLE subscriptions (
    id                 bigint PRIMARY KEY DEFAULT nextval('subscriptions_seq'),
    newsletter_id      bigint NOT NULL REFERENCES newsletters (id) ON DELETE CASCADE,
    user_id            bigint,        -- federation's users.id
    email              text NOT NULL,
    status             text NOT NULL DEFAULT 'subscribed',
    -- the secret in the one-click unsubscribe link of every newsletter email
    unsubscribe_token  text NOT NULL,
    subscribed_at      timestamptz NOT NULL DEFAULT now(),
    unsubscribed_at    timestamptz,
    CONSTRAINT subscriptions_status_check CHECK (status IN ('subscribed', 'unsubscribed')),
    CONSTRAINT subscriptions_unsubscribed_has_date CHECK (status = 'subscribed' OR unsubscribed_at IS NOT NULL),
    CONSTRAINT subscriptions_email_unique UNIQUE (newsletter_id, email),
    CONSTRAINT subscriptions_token_unique UNIQUE (unsubscribe_token)
);
CREATE INDEX subscriptions_user_idx ON subscriptions (user_id) WHERE user_id IS NOT NULL;

CREATE SEQUENCE newsletter_issues_seq INCREMENT BY 50;
CREATE TABLE newsletter_issues (
    id             bigint PRIMARY KEY DEFAULT nextval('newsletter_issues_seq'),
    newsletter_id  bigint NOT NULL REFERENCES newsletters (id) ON DELETE CASCADE,
    subject        text NOT NULL,
    body_html      text NOT NULL,
    sent_at        timestamptz,
    created_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX newsletter_issues_newsletter_idx ON newsletter_issues (newsletter_id, created_at DESC);

-- ---------------------------------------------------------------------------------------------
-- event bus (platform.md section 5): activities, per-service deliveries, subscriptions
-- ---------------------------------------------------------------------------------------------

CREATE SEQUENCE ap_activities_seq INCREMENT BY 50;
CREATE TABLE ap_activities (
    id              bigint PRIMARY KEY DEFAULT nextval('ap_activities_seq'),
    type            text NOT NULL,
    actor           text NOT NULL,
    object          jsonb NOT NULL,
    origin_service  text NOT NULL,
    visibility      text NOT NULL DEFAULT 'internal',
    created_at      timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT ap_activities_visibility_check CHECK (visibility IN ('internal', 'public')),
    CONSTRAINT ap_activities_type_not_blank CHECK (btrim(type) <> '')
);
CREATE INDEX ap_activities_type_idx ON ap_activities (type, created_at);

-- which service handles which activity type; each service rewrites its own rows at start-up
CREATE SEQUENCE activity_subscriptions_seq INCREMENT BY 50;
CREATE TABLE activity_subscriptions (
    id             bigint PRIMARY KEY DEFAULT nextval('activity_subscriptions_seq'),
    service        text NOT NULL,
    activity_type  text NOT NULL,    -- '*' subscribes to every type
    updated_at     timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT activity_subscriptions_unique UNIQUE (service, activity_type)
);
CREATE INDEX activity_subscriptions_type_idx ON activity_subscriptions (activity_type);

-- one row per (activity, consuming service): the processing state of that service
CREATE SEQUENCE activity_deliveries_seq INCREMENT BY 50;
CREATE TABLE activity_deliveries (
    id               bigint PRIMARY KEY DEFAULT nextval('activity_deliveries_seq'),
    activity_id      bigint NOT NULL REFERENCES ap_activities (id) ON DELETE CASCADE,
    service          text NOT NULL,
    state            text NOT NULL DEFAULT 'pending',
    attempts         integer NOT NULL DEFAULT 0,
    next_attempt_at  timestamptz NOT NULL DEFAULT now(),
    last_error       text,
    processed_at     timestamptz,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT activity_deliveries_state_check CHECK (state IN ('pending', 'processed', 'failed')),
    CONSTRAINT activity_deliveries_attempts_check CHECK (attempts >= 0),
    CONSTRAINT activity_deliveries_processed_has_date CHECK (state <> 'processed' OR processed_at IS NOT NULL),
    CONSTRAINT activity_deliveries_unique UNIQUE (activity_id, service)
);
-- the claim query: a service's due pending rows, oldest first
CREATE INDEX activity_deliveries_due_idx ON activity_deliveries (service, next_attempt_at) WHERE state = 'pending';
