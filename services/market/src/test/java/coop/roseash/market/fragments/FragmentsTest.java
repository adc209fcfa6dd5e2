package coop.roseash.market.fragments;

import static org.assertj.core.api.Assertions.assertThat;

import coop.roseash.market.page.MarketPageForm;
import coop.roseash.market.page.MarketPageView;
import coop.roseash.market.page.MarketPages;
import coop.roseash.market.product.ProductRef;
import coop.roseash.market.product.Products;
import coop.roseash.market.support.MarketTestResource;
import coop.roseash.market.support.Shop;
import coop.roseash.market.support.TestProduct;
import coop.roseash.shared.fragments.FragmentClient;
import coop.roseash.shared.fragments.FragmentParams;
import coop.roseash.shared.fragments.FragmentProviders;
import coop.roseash.shared.fragments.catalogue.FragmentCatalogue;
import coop.roseash.shared.testing.ProviderContract;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * The market's fragments for other services' pages, fetched as they are (signed HTTP, Redis and near cache), and
 * dropped from the cache when a market page or a product changes.
 */
@QuarkusTest
@WithTestResource(MarketTestResource.class)
class FragmentsTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Inject
    Shop shop;
    @Inject
    FragmentClient fragments;
    @Inject
    MarketPages markets;
    @Inject
    Products products;
    @Inject
    @Any
    Instance<coop.roseash.shared.fragments.FragmentProvider> all;

    private String fetch(coop.roseash.shared.fragments.catalogue.FragmentSpec spec, Map<String, ?> params) {
        return fragments.fetch(spec.key("market", FragmentParams.of(params))).await().atMost(WAIT);
    }

    @Test
    void everyFragmentTheMarketServesIsInTheCatalogueUnderMarket() {
        // this test application also plays cart's cart-mini (support.TestCartMini): leave that one out
        FragmentProviders market = new FragmentProviders(all) {
            @Override
            public Set<String> types() {
                return super.types().stream().filter(type -> !type.equals("cart-mini")).collect(Collectors.toSet());
            }
        };
        assertThat(market.types()).containsExactlyInAnyOrder("container-nav", "link-card", "nav-item");
        ProviderContract.check("market", market, Map.of("container_type", "page", "slug", "no-such-product",
                "variant", "compact"));
    }

    @Test
    void containerNavLinksAPageToItsOpenMarket() {
        MarketPageView market = shop.openMarket();
        Element link = Jsoup.parseBodyFragment(fetch(FragmentCatalogue.CONTAINER_NAV,
                Map.of("container_type", "page", "container_id", market.containerId()))).selectFirst("a");
        assertThat(link.text()).isEqualTo("Market: " + market.title());
        assertThat(link.attr("href")).isEqualTo("http://market.localhost:8002" + market.href());

        assertThat(fetch(FragmentCatalogue.CONTAINER_NAV, Map.of("container_type", "page", "container_id", 987654321))).isEmpty();
        assertThat(fetch(FragmentCatalogue.CONTAINER_NAV, Map.of("container_type", "post", "container_id", market.containerId())))
                .isEmpty();
    }

    @Test
    void containerNavIsDroppedWhenItsMarketIsRenamed() {
        MarketPageView market = shop.openMarket();
        Map<String, Object> params = Map.of("container_type", "page", "container_id", market.containerId());
        assertThat(fetch(FragmentCatalogue.CONTAINER_NAV, params)).contains(market.title());
        markets.update(market.id(), new MarketPageForm("", "Saturday market", market.slug(), null));
        assertThat(fetch(FragmentCatalogue.CONTAINER_NAV, params)).contains("Market: Saturday market");
    }

    @Test
    void aClosedMarketHasNoContainerNav() {
        MarketPageView market = shop.openMarket();
        shop.close(market);
        assertThat(fetch(FragmentCatalogue.CONTAINER_NAV, Map.of("container_type", "page", "container_id",
                market.containerId()))).isEmpty();
    }

    @Test
    void linkCardShowsAProductAndFollowsItsChanges() {
        MarketPageView market = shop.openMarket();
        ProductRef honey = shop.product(market, TestProduct.named("Honey").price("6.50").unit("340 g")
                .images("https://img.example.org/honey.jpg"));
        Element card = Jsoup.parseBodyFragment(fetch(FragmentCatalogue.LINK_CARD, Map.of("slug", honey.slug())))
                .selectFirst("a.link-card");
        assertThat(card.attr("href")).isEqualTo("http://market.localhost:8002" + market.href() + "p/" + honey.slug());
        assertThat(card.select(".link-card-title").text()).isEqualTo("Honey");
        assertThat(card.select(".link-card-price").text()).isEqualTo("£6.50 / 340 g");
        assertThat(card.select("img").attr("src")).isEqualTo("https://img.example.org/honey.jpg");
        assertThat(Jsoup.parseBodyFragment(fetch(FragmentCatalogue.LINK_CARD, Map.of("slug", honey.slug(),
                "variant", "compact"))).select("img")).isEmpty();

        // cached, then dropped by the change: the next fetch shows it withdrawn
        products.setAvailable(honey.id(), false);
        assertThat(fetch(FragmentCatalogue.LINK_CARD, Map.of("slug", honey.slug()))).contains("No longer available");
        assertThat(fetch(FragmentCatalogue.LINK_CARD, Map.of("slug", "no-such-product"))).isEmpty();
    }

    @Test
    void navItemLinksToTheMarket() {
        Element link = Jsoup.parseBodyFragment(fetch(FragmentCatalogue.NAV_ITEM, Map.of())).selectFirst("a.nav-item");
        assertThat(link.text()).isEqualTo("Market");
        assertThat(link.attr("href")).isEqualTo("http://market.localhost:8002/");
    }
}
