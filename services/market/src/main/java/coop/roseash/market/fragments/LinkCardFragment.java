package coop.roseash.market.fragments;

import coop.roseash.market.product.Money;
import coop.roseash.market.web.ViewArgs;
import coop.roseash.shared.config.ServiceUrls;
import coop.roseash.shared.contracts.blog.PageSettings;
import coop.roseash.shared.fragments.FragmentParams;
import coop.roseash.shared.fragments.FragmentProvider;
import coop.roseash.shared.fragments.catalogue.FragmentCatalogue;
import coop.roseash.shared.fragments.catalogue.FragmentSpec;
import coop.roseash.shared.model.market.Product;
import coop.roseash.sx.SxEngine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * {@code link-card}: a card linking to a product ({@code slug}), with its price and first image; {@code variant=compact}
 * leaves the image out. A withdrawn product's card says it is no longer available; an unknown product, or one of a
 * market its page keeps closed, renders nothing.
 */
@ApplicationScoped
public class LinkCardFragment implements FragmentProvider {

    private final PageSettings settings;
    private final ServiceUrls urls;
    private final SxEngine sx;

    LinkCardFragment(PageSettings settings, ServiceUrls urls, SxEngine sx) {
        this.settings = settings;
        this.urls = urls;
        this.sx = sx;
    }

    @Override
    public FragmentSpec fragment() {
        return FragmentCatalogue.LINK_CARD;
    }

    @Override
    @Transactional
    public String render(FragmentParams params) {
        String slug = params.get("slug");
        if (slug == null || slug.isBlank()) {
            return "";
        }
        Product p = Product.find("slug", slug.strip()).firstResult();
        if (p == null || p.marketPage == null
                || !settings.settings(p.marketPage.containerType, p.marketPage.containerId).marketEnabled()) {
            return "";
        }
        boolean compact = "compact".equals(params.get("variant"));
        return sx.renderComponent("~market/fragments/link-card", ViewArgs.of()
                .with("href", urls.publicUrl("market") + "/" + p.marketPage.slug + "/p/" + p.slug)
                .with("title", p.title)
                .with("price", Money.format(p.priceCents, p.currency))
                .with("unit", p.unit)
                .with("image", compact || p.imageUrls.isEmpty() ? null : p.imageUrls.get(0))
                .with("available", p.available)
                .with("compact", compact)
                .map(), null);
    }
}
