package coop.roseash.blog.fragments;

import coop.roseash.shared.fragments.catalogue.FragmentCatalogue;
import coop.roseash.shared.fragments.catalogue.FragmentSpec;

import coop.roseash.shared.config.ServiceUrls;
import coop.roseash.shared.fragments.FragmentParams;
import coop.roseash.shared.fragments.FragmentProvider;
import coop.roseash.blog.menu.MenuService;
import coop.roseash.sx.SxEngine;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/** {@code nav-tree}: the navigation menu from the database, for every service's header. */
@ApplicationScoped
public class NavTreeFragment implements FragmentProvider {

    private final MenuService menu;
    private final ServiceUrls urls;
    private final SxEngine sx;

    NavTreeFragment(MenuService menu, ServiceUrls urls, SxEngine sx) {
        this.menu = menu;
        this.urls = urls;
        this.sx = sx;
    }

    @Override
    public FragmentSpec fragment() {
        return FragmentCatalogue.NAV_TREE;
    }

    @Override
    public String render(FragmentParams params) {
        return sx.renderComponent("~blog/fragments/nav-tree",
                Map.of("links", NavLink.of(menu.tree(), urls.publicUrl("blog"))), null);
    }
}
