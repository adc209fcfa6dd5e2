package coop.roseash.market.fragments;

import coop.roseash.market.page.MarketPages;
import coop.roseash.shared.config.ServiceUrls;
import coop.roseash.shared.fragments.FragmentParams;
import coop.roseash.shared.fragments.FragmentProvider;
import coop.roseash.shared.fragments.catalogue.FragmentCatalogue;
import coop.roseash.shared.fragments.catalogue.FragmentSpec;
import coop.roseash.sx.SxEngine;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;

/**
 * {@code container-nav}: for a blog page ({@code container_type=page}, {@code container_id}), a link to its market,
 * shown on the page. Nothing when it has no market, or its settings keep the market off.
 */
@ApplicationScoped
public class ContainerNavFragment implements FragmentProvider {

    private final MarketPages markets;
    private final ServiceUrls urls;
    private final SxEngine sx;

    ContainerNavFragment(MarketPages markets, ServiceUrls urls, SxEngine sx) {
        this.markets = markets;
        this.urls = urls;
        this.sx = sx;
    }

    @Override
    public FragmentSpec fragment() {
        return FragmentCatalogue.CONTAINER_NAV;
    }

    @Override
    public String render(FragmentParams params) {
        String id = params.get("container_id");
        if (!MarketPages.CONTAINER_TYPE.equals(params.get("container_type")) || id == null || !id.matches("\\d{1,18}")) {
            return "";
        }
        return markets.forContainer(MarketPages.CONTAINER_TYPE, Long.parseLong(id))
                .filter(market -> market.open())
                .map(market -> sx.renderComponent("~market/fragments/container-nav", Map.of(
                        "href", urls.publicUrl("market") + market.href(), "title", market.title()), null))
                .orElse("");
    }
}
