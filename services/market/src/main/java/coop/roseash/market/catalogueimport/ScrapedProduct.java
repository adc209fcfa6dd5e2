package coop.roseash.market.catalogueimport;

import java.util.List;

/** One product as read from the wholesaler's product page, before it is merged into {@code products}. */
public record ScrapedProduct(String code, String title, String brand, int priceCents, String unit, List<String> labels,
                             String descriptionHtml, List<String> imageUrls, boolean inStock, String sourceUrl) {

    public ScrapedProduct {
        labels = List.copyOf(labels);
        imageUrls = List.copyOf(imageUrls);
    }
}
