package coop.roseash.blog.menu;

import coop.roseash.blog.errors.BlogNotFoundException;
import coop.roseash.blog.errors.InvalidBlogInputException;
import coop.roseash.blog.post.PostMapper;

import coop.roseash.blog.menu.MenuNodeView;
import coop.roseash.shared.contracts.blog.PostSummary;
import coop.roseash.shared.model.blog.MenuNode;
import coop.roseash.shared.model.blog.Post;
import coop.roseash.shared.model.blog.PostStatus;
import io.quarkus.panache.common.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/** The site navigation: a tree of menu nodes that admins add to (by page search or by URL), reorder and nest. */
@ApplicationScoped
public class MenuService {

    /** The whole tree: roots in order, each with its children in order. */
    @Transactional
    public List<MenuNodeView> tree() {
        List<MenuNode> nodes = MenuNode.<MenuNode>find("order by position, id").list();
        Map<Long, List<MenuNode>> byParent = new HashMap<>();
        for (MenuNode n : nodes) {
            byParent.computeIfAbsent(n.parentId, k -> new ArrayList<>()).add(n);
        }
        return build(null, byParent);
    }

    private static List<MenuNodeView> build(Long parentId, Map<Long, List<MenuNode>> byParent) {
        return byParent.getOrDefault(parentId, List.of()).stream()
                .map(n -> new MenuNodeView(n.id, n.parentId, n.position, n.label, n.target, n.postId,
                        build(n.id, byParent)))
                .toList();
    }

    /** Adds a link at the end of {@code parentId}'s children (a root when null). */
    @Transactional
    public MenuNodeView addLink(String label, String target, Long parentId) {
        return add(requireLabel(label), requireTarget(target), null, parentId);
    }

    /** Adds a published page or post, labelled with its title and linked to its path. */
    @Transactional
    public MenuNodeView addPost(long postId, Long parentId) {
        Post post = Post.<Post>findByIdOptional(postId).orElseThrow(() -> new BlogNotFoundException("post " + postId));
        return add(post.title, "/" + post.slug + "/", post.id, parentId);
    }

    private MenuNodeView add(String label, String target, Long postId, Long parentId) {
        requireNode(parentId);
        MenuNode node = new MenuNode();
        node.label = label;
        node.target = target;
        node.postId = postId;
        node.parentId = parentId;
        node.position = (int) MenuNode.count(parentId == null ? "parentId is null" : "parentId = ?1",
                parentId == null ? new Object[0] : new Object[] {parentId});
        node.persist();
        return new MenuNodeView(node.id, node.parentId, node.position, node.label, node.target, node.postId, List.of());
    }

    @Transactional
    public void edit(long id, String label, String target) {
        MenuNode node = requireNode(id);
        node.label = requireLabel(label);
        node.target = requireTarget(target);
    }

    /**
     * Moves a node under {@code newParentId} (null: to the roots) at {@code position} (clamped), renumbering
     * the siblings it leaves and joins. A node cannot move into its own subtree.
     */
    @Transactional
    public void move(long id, Long newParentId, int position) {
        MenuNode node = requireNode(id);
        for (Long p = newParentId; p != null; p = requireNode(p).parentId) {
            if (p == id) {
                throw new InvalidBlogInputException("A menu item cannot be moved inside itself.");
            }
        }
        List<MenuNode> oldSiblings = siblings(node.parentId);
        oldSiblings.removeIf(n -> n.id.equals(node.id));
        renumber(oldSiblings);
        List<MenuNode> newSiblings = siblings(newParentId);
        newSiblings.removeIf(n -> n.id.equals(node.id));
        newSiblings.add(Math.max(0, Math.min(position, newSiblings.size())), node);
        node.parentId = newParentId;
        renumber(newSiblings);
    }

    /** Removes a node and everything under it. */
    @Transactional
    public void remove(long id) {
        MenuNode node = requireNode(id);
        Long parentId = node.parentId;
        node.delete();
        MenuNode.flush();
        renumber(siblings(parentId));
    }

    /** Published pages (and posts) whose title matches, for the "add page" search box. */
    @Transactional
    public List<PostSummary> searchPages(String query, int limit) {
        String q = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
        String pattern = "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        List<Post> posts = Post.<Post>find("status = ?1 and lower(title) like ?2 escape '\\' order by type desc, title",
                PostStatus.PUBLISHED, pattern).page(Page.ofSize(Math.max(1, Math.min(limit, 50)))).list();
        return posts.stream().map(p -> PostMapper.summary(p, List.of())).toList();
    }

    private static List<MenuNode> siblings(Long parentId) {
        return new ArrayList<>(parentId == null
                ? MenuNode.<MenuNode>find("parentId is null order by position, id").list()
                : MenuNode.<MenuNode>find("parentId = ?1 order by position, id", parentId).list());
    }

    private static void renumber(List<MenuNode> nodes) {
        for (int i = 0; i < nodes.size(); i++) {
            if (nodes.get(i).position != i) {
                nodes.get(i).position = i;
            }
        }
    }

    private static MenuNode requireNode(Long id) {
        if (id == null) {
            return null;
        }
        MenuNode node = MenuNode.findById(id);
        if (node == null) {
            throw new BlogNotFoundException("menu item " + id);
        }
        return node;
    }

    private static String requireLabel(String label) {
        if (label == null || label.isBlank()) {
            throw new InvalidBlogInputException("A menu item needs a label.");
        }
        return label.strip();
    }

    /** A path on the blog ("/about") or an absolute http(s) URL; nothing else can become a link. */
    static String requireTarget(String target) {
        String t = Objects.requireNonNullElse(target, "").strip();
        String lower = t.toLowerCase(Locale.ROOT);
        boolean path = t.startsWith("/") && !t.startsWith("//");
        if (!path && !lower.startsWith("http://") && !lower.startsWith("https://")) {
            throw new InvalidBlogInputException("A menu link must be a path like /about or an http(s) URL.");
        }
        return t;
    }
}
