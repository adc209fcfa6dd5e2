package coop.roseash.blog.fragments;

import coop.roseash.blog.menu.MenuNodeView;
import java.net.URI;
import java.util.List;

/** A navigation link as the nav-tree view shows it: label, absolute href, children. */
public record NavLink(String label, String href, List<NavLink> children) {

    /** Menu targets that are blog paths become absolute URLs on the blog, since the tree is shown on every host. */
    static List<NavLink> of(List<MenuNodeView> nodes, String blogPublicUrl) {
        return nodes.stream()
                .map(node -> new NavLink(node.label(), absolute(node.target(), blogPublicUrl), of(node.children(), blogPublicUrl)))
                .toList();
    }

    private static String absolute(String target, String blogPublicUrl) {
        if (target.startsWith("/") && !target.startsWith("//")) {
            return blogPublicUrl + target;
        }
        return URI.create(target).isAbsolute() ? target : blogPublicUrl + "/" + target;
    }
}
