package coop.roseash.market.browse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import coop.roseash.market.product.Money;
import coop.roseash.shared.contracts.cart.Carts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A market page's products as visitors browse them: only what is on sale, filtered, searched, sorted and paged in
 * SQL (services/market/README.md, "Speed", says which index serves which query and what it costs).
 *
 * <p>Without a search or a labels filter, a page is read in index order and the count stops at {@link #COUNT_CAP}:
 * both cost the same whatever the size of the market. A search or a labels filter finds its matches through its GIN
 * index first ({@code products_search_idx}, {@code products_labels_idx}) and sorts only those: walking a sort index
 * and testing every row instead costs a full pass when the words or labels are rare.
 */
@ApplicationScoped
public class ProductCatalogue {

    public static final int PAGE_SIZE = 24;
    /** Counting stops here: "more than 2,400 products" says enough, and a count of 20,000 rows is not free. */
    static final int COUNT_CAP = 2400;
    /** The expression of the GIN index {@code products_search_idx} (migration V1), written the same so it is used. */
    static final String SEARCH_VECTOR =
            "to_tsvector('english'::regconfig, title || ' ' || coalesce(brand, '') || ' ' || coalesce(category, ''))";
    private static final String CARD_COLUMNS =
            "%1$sid, %1$sslug, %1$stitle, %1$sbrand, %1$sprice_cents, %1$scurrency, %1$sunit, %1$sstock, "
                    + "to_json(%1$slabels)::text, %1$simage_urls[1]";
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };

    private final EntityManager db;
    private final ObjectMapper json;

    ProductCatalogue(EntityManager db, ObjectMapper json) {
        this.db = db;
        this.json = json;
    }

    /** One page of the products of market page {@code marketPageId} that match {@code query}. */
    @Transactional
    public BrowseResult browse(long marketPageId, String marketSlug, BrowseQuery query) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(marketPageId, query, params);
        int offset = (query.page() - 1) * PAGE_SIZE;
        List<Object[]> rows;
        long total;
        boolean capped = false;
        if (query.q() != null || !query.labels().isEmpty()) {
            // matches first (GIN), then sorted: one statement, so the matches are found once
            String sql = "WITH hits AS MATERIALIZED (SELECT id, created_at, price_cents, lower(title) AS sort_title "
                    + "FROM products WHERE " + where + ") "
                    + "SELECT t.total, " + CARD_COLUMNS.formatted("p.") + " FROM (SELECT count(*) AS total FROM hits) t "
                    + "LEFT JOIN ((SELECT * FROM hits ORDER BY " + hitsOrder(query.sort(), "") + " LIMIT :limit OFFSET :offset) h "
                    + "JOIN products p ON p.id = h.id) ON true ORDER BY " + hitsOrder(query.sort(), "h.");
            List<Object[]> found = rows(sql, params, offset);
            total = found.isEmpty() ? 0 : ((Number) found.get(0)[0]).longValue();
            rows = found.stream().filter(row -> row[1] != null).map(row -> Arrays.copyOfRange(row, 1, row.length))
                    .toList();
        } else {
            Query count = db.createNativeQuery("SELECT count(*) FROM (SELECT 1 FROM products WHERE " + where
                    + " LIMIT " + (COUNT_CAP + 1) + ") c");
            params.forEach(count::setParameter);
            total = ((Number) count.getSingleResult()).longValue();
            if (total > COUNT_CAP) {
                total = COUNT_CAP;
                capped = true;
            }
            rows = rows("SELECT " + CARD_COLUMNS.formatted("") + " FROM products WHERE " + where + " ORDER BY "
                    + query.sort().orderBy + " LIMIT :limit OFFSET :offset", params, offset);
        }
        boolean hasNext = rows.size() > PAGE_SIZE;
        List<ProductCard> cards = new ArrayList<>();
        for (Object[] row : rows.subList(0, Math.min(rows.size(), PAGE_SIZE))) {
            cards.add(card(row, marketSlug));
        }
        return new BrowseResult(cards, total, capped, hasNext);
    }

    /**
     * The market's categories, and the brands and labels on sale in the chosen category (or the whole market), in
     * one statement. The whole market's lists come from {@code market_facets} (migration V32: one short row per value,
     * kept by a trigger from the products); a category's brands and labels from its own products (a few hundred).
     */
    @Transactional
    public Facets facets(long marketPageId, String category) {
        String categories = facet("category");
        String brands;
        String labels;
        if (category == null) {
            brands = facet("brand");
            labels = facet("label");
        } else {
            brands = "(SELECT coalesce(json_agg(brand ORDER BY brand), '[]')::text FROM (SELECT DISTINCT brand FROM products "
                    + "WHERE market_page_id = :market AND available AND category = :category AND brand IS NOT NULL) b)";
            labels = "(SELECT coalesce(json_agg(label ORDER BY label), '[]')::text FROM (SELECT DISTINCT l AS label "
                    + "FROM products, unnest(labels) l WHERE market_page_id = :market AND available "
                    + "AND category = :category) x)";
        }
        Query facets = db.createNativeQuery("SELECT " + categories + ", " + brands + ", " + labels);
        facets.setParameter("market", marketPageId);
        if (category != null) {
            facets.setParameter("category", category);
        }
        Object[] row = (Object[]) facets.getSingleResult();
        return new Facets(strings(row[0]), strings(row[1]), strings(row[2]));
    }

    /** The values of one whole-market menu that some product on sale has, in order. */
    private static String facet(String facet) {
        return "(SELECT coalesce(json_agg(value ORDER BY value), '[]')::text FROM market_facets "
                + "WHERE market_page_id = :market AND facet = '" + facet + "' AND products > 0)";
    }

    private static String where(long marketPageId, BrowseQuery query, Map<String, Object> params) {
        StringBuilder where = new StringBuilder("market_page_id = :market AND available");
        params.put("market", marketPageId);
        if (query.category() != null) {
            where.append(" AND category = :category");
            params.put("category", query.category());
        }
        if (query.brand() != null) {
            where.append(" AND brand = :brand");
            params.put("brand", query.brand());
        }
        if (!query.labels().isEmpty()) {
            List<String> names = new ArrayList<>();
            for (int i = 0; i < query.labels().size(); i++) {
                names.add(":label" + i);
                params.put("label" + i, query.labels().get(i));
            }
            where.append(" AND labels @> ARRAY[").append(String.join(", ", names)).append("]::text[]");
        }
        if (query.minPriceCents() != null) {
            where.append(" AND price_cents >= :minPrice");
            params.put("minPrice", query.minPriceCents());
        }
        if (query.maxPriceCents() != null) {
            where.append(" AND price_cents <= :maxPrice");
            params.put("maxPrice", query.maxPriceCents());
        }
        if (query.inStock()) {
            where.append(" AND (stock IS NULL OR stock > 0)");
        }
        if (query.q() != null) {
            where.append(" AND ").append(SEARCH_VECTOR).append(" @@ websearch_to_tsquery('english', :q)");
            params.put("q", query.q());
        }
        return where.toString();
    }

    /** The sort over the matches ({@code hits}), whose columns are prefixed with {@code alias}. */
    private static String hitsOrder(Sort sort, String alias) {
        String order = switch (sort) {
            case NEWEST -> "%1$screated_at DESC, %1$sid DESC";
            case PRICE_ASC -> "%1$sprice_cents, %1$sid";
            case PRICE_DESC -> "%1$sprice_cents DESC, %1$sid DESC";
            case TITLE -> "%1$ssort_title, %1$sid";
        };
        return order.formatted(alias);
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, Map<String, Object> params, int offset) {
        Query page = db.createNativeQuery(sql);
        params.forEach(page::setParameter);
        // one more than a page: whether there is a next one
        page.setParameter("limit", PAGE_SIZE + 1);
        page.setParameter("offset", offset);
        return page.getResultList();
    }

    private ProductCard card(Object[] row, String marketSlug) {
        String slug = (String) row[1];
        Integer stock = row[7] == null ? null : ((Number) row[7]).intValue();
        boolean inStock = stock == null || stock > 0;
        return new ProductCard(((Number) row[0]).longValue(), slug, "/" + marketSlug + "/p/" + slug, (String) row[2],
                (String) row[3], Money.format(((Number) row[4]).longValue(), (String) row[5]), (String) row[6],
                strings(row[8]), (String) row[9], inStock, stock,
                stock == null ? Carts.MAX_LINE_QUANTITY : Math.min(stock, Carts.MAX_LINE_QUANTITY));
    }

    private List<String> strings(Object jsonArray) {
        if (jsonArray == null) {
            return List.of();
        }
        try {
            return json.readValue(jsonArray.toString(), STRINGS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("not a JSON array of strings: " + jsonArray, e);
        }
    }
}
