package coop.roseash.blog.menu;

import java.util.List;

/** A node of the navigation tree with its children in order; {@code postId} set when added by page search. */
public record MenuNodeView(long id, Long parentId, int position, String label, String target, Long postId,
                           List<MenuNodeView> children) {
}
