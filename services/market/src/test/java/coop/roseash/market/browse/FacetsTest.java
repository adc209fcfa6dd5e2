package coop.roseash.market.browse;

import coop.roseash.market.page.MarketPageView;
import coop.roseash.market.product.ProductRef;
import coop.roseash.market.support.MarketTestResource;
import coop.roseash.market.support.Shop;
import coop.roseash.market.support.TestProduct;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole market's filter menus come from {@code market_facets} (migration V32), kept by a trigger on products: they
 * follow every kind of write, by market's services or by plain SQL, and show only what some product on sale has.
 */
@QuarkusTest
@WithTestResource(MarketTestResource.class)
class FacetsTest {

    @Inject
    Shop shop;

    @Inject
    ProductCatalogue catalogue;

    @Inject
    EntityManager db;

    private void sql(String statement, Object... params) {
        QuarkusTransaction.requiringNew().run(() -> {
            var query = db.createNativeQuery(statement);
            for (int i = 0; i < params.length; i++) {
                query.setParameter(i + 1, params[i]);
            }
            query.executeUpdate();
        });
    }

    @Test
    void theMenusFollowInsertsChangesWithdrawalsMovesAndDeletes() {
        MarketPageView market = shop.openMarket();
        MarketPageView other = shop.openMarket();
        ProductRef oats = shop.product(market, TestProduct.named("Oats").brand("Hill Farm").category("Cereals")
                .price("2.10").labels("organic, vegan"));
        ProductRef rice = shop.product(market, TestProduct.named("Rice").brand("Hill Farm").category("Cereals")
                .price("3.10").labels("vegan"));
        ProductRef honey = shop.product(market, TestProduct.named("Honey").brand("Meadow Bees").category("Pantry")
                .price("6.50").labels("local"));

        assertThat(catalogue.facets(market.id(), null)).isEqualTo(new Facets(
                List.of("Cereals", "Pantry"), List.of("Hill Farm", "Meadow Bees"),
                List.of("local", "organic", "vegan")));

        // a brand shared by two products stays while one still has it; a label array rewritten in plain SQL counts
        sql("UPDATE products SET brand = 'Mill Lane', labels = ARRAY['vegan', 'raw', 'raw'] WHERE id = ?1", oats.id());
        assertThat(catalogue.facets(market.id(), null).brands()).containsExactly("Hill Farm", "Meadow Bees", "Mill Lane");
        assertThat(catalogue.facets(market.id(), null).labels()).containsExactly("local", "raw", "vegan");

        // withdrawn: its values go unless another product on sale has them; back on sale: they return
        shop.withdraw(honey);
        assertThat(catalogue.facets(market.id(), null)).isEqualTo(new Facets(List.of("Cereals"),
                List.of("Hill Farm", "Mill Lane"), List.of("raw", "vegan")));
        sql("UPDATE products SET available = true WHERE id = ?1", honey.id());
        assertThat(catalogue.facets(market.id(), null).categories()).containsExactly("Cereals", "Pantry");

        // moved to another market page, then deleted
        sql("UPDATE products SET market_page_id = ?1 WHERE id = ?2", other.id(), rice.id());
        assertThat(catalogue.facets(market.id(), null).brands()).containsExactly("Meadow Bees", "Mill Lane");
        assertThat(catalogue.facets(other.id(), null)).isEqualTo(new Facets(List.of("Cereals"),
                List.of("Hill Farm"), List.of("vegan")));
        sql("DELETE FROM products WHERE id = ?1", rice.id());
        assertThat(catalogue.facets(other.id(), null)).isEqualTo(new Facets(List.of(), List.of(),
                List.of()));

        // the counts agree with the products, value by value
        QuarkusTransaction.requiringNew().run(() -> assertThat(((Number) db.createNativeQuery("""
                SELECT count(*) FROM market_facets m FULL JOIN (
                    SELECT p.market_page_id, f.facet, f.value, count(*) AS n FROM products p,
                        market_product_facets(p.available, p.market_page_id, p.category, p.brand, p.labels) f
                    WHERE p.market_page_id IN (?1, ?2) GROUP BY 1, 2, 3) c USING (market_page_id, facet, value)
                WHERE (m.market_page_id IN (?1, ?2) OR c.market_page_id IS NOT NULL)
                  AND coalesce(m.products, 0) <> coalesce(c.n, 0)""")
                .setParameter(1, market.id()).setParameter(2, other.id()).getSingleResult()).longValue()).isZero());
    }
}
