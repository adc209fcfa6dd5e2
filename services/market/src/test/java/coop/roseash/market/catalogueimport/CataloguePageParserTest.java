package coop.roseash.market.catalogueimport;

import io.smallrye.config.WithDefault;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The parser on its own: another wholesaler's page shape is a matter of selectors; prices; links that stay home. */
class CataloguePageParserTest {

    @Test
    void anotherWholesalersShapeIsReadThroughItsConfiguredSelectors() throws PageSkipped {
        CataloguePageParser parser = parser(Map.of("code", "[itemprop=sku]", "title", "h1[itemprop=name]",
                "price", "[itemprop=price]", "brand", "[itemprop=brand]", "unit", "td.pack", "labels", ".badges span",
                "description", "#details", "images", ".gallery img", "in-stock", "link[href$=InStock]"));
        Document page = Jsoup.parse("""
                <div itemscope><h1 itemprop="name">Tamari  soya sauce</h1><span itemprop="sku">CL-TAM-250</span>
                <span itemprop="brand">Clearspring</span><span itemprop="price">£3.49</span>
                <table><tr><td class="pack">250 ml</td></tr></table><p class="badges"><span>Organic</span><span>Organic</span>
                <span>Vegan</span></p><section id="details"><p>Brewed in Japan.</p><iframe src="https://x.example"></iframe>
                </section><div class="gallery"><img src="tamari.jpg"><img src="data:image/png;base64,AAAA"></div>
                <link itemprop="availability" href="https://schema.org/InStock"></div>""", "https://trade.example/p/42");

        ScrapedProduct p = parser.product(page);
        assertThat(p).extracting(ScrapedProduct::code, ScrapedProduct::title, ScrapedProduct::brand,
                ScrapedProduct::priceCents, ScrapedProduct::unit, ScrapedProduct::labels, ScrapedProduct::imageUrls,
                ScrapedProduct::inStock, ScrapedProduct::sourceUrl).containsExactly("CL-TAM-250", "Tamari soya sauce",
                "Clearspring", 349, "250 ml", List.of("Organic", "Vegan"), List.of("https://trade.example/p/tamari.jpg"),
                true, "https://trade.example/p/42");
        assertThat(p.descriptionHtml()).contains("<p>Brewed in Japan.</p>").doesNotContain("iframe");
    }

    @Test
    void pricesAreReadAsTheyAreWrittenAndAnythingElseIsMalformed() throws PageSkipped {
        assertThat(CataloguePageParser.priceCents("£1,204.50")).isEqualTo(120450);
        assertThat(CataloguePageParser.priceCents("4 GBP")).isEqualTo(400);
        assertThat(CataloguePageParser.priceCents("EUR 3.5 per kg")).isEqualTo(350);
        assertThatThrownBy(() -> CataloguePageParser.priceCents("POA")).isInstanceOf(PageSkipped.class)
                .hasMessage("malformed product page: price \"POA\" is not a number");
        assertThatThrownBy(() -> CataloguePageParser.priceCents("£99,999,999.00")).hasMessageContaining("out of range");
    }

    @Test
    void theCrawlStaysOnTheCataloguesHostAndDropsFragments() throws PageSkipped {
        Document index = Jsoup.parse("""
                <a class="category-link" href="/c/tea#top">Tea</a><a class="category-link" href="/c/tea">Tea again</a>
                <a class="category-link" href="https://other.example/c/coffee">Coffee</a>
                <a class="category-link" href="javascript:alert(1)">Bad</a>
                <a class="category-link" href="http://trade.example:8080/c/cocoa">Other port</a>""", "https://trade.example/");
        assertThat(parser(Map.of()).index(index)).containsExactly(new CataloguePageParser.CategoryLink(
                "https://trade.example/c/tea", "Tea"));
        assertThatThrownBy(() -> parser(Map.of()).index(Jsoup.parse("<p>Down for maintenance</p>", "https://trade.example/")))
                .hasMessage("malformed index page: no category links (a.category-link)");
    }

    /** The parser with the default selectors, some replaced (by their property names). */
    private static CataloguePageParser parser(Map<String, String> selectors) {
        ImportConfig.Selectors select = (ImportConfig.Selectors) Proxy.newProxyInstance(CataloguePageParserTest.class.getClassLoader(),
                new Class<?>[] {ImportConfig.Selectors.class}, (proxy, method, args) -> {
                    String key = method.getName().replaceAll("([A-Z])", "-$1").toLowerCase(java.util.Locale.ROOT);
                    return selectors.getOrDefault(key, method.getAnnotation(WithDefault.class).value());
                });
        ImportConfig config = (ImportConfig) Proxy.newProxyInstance(CataloguePageParserTest.class.getClassLoader(),
                new Class<?>[] {ImportConfig.class}, (proxy, method, args) -> {
                    if (method.getName().equals("selectors")) {
                        return select;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        return new CataloguePageParser(config);
    }
}
