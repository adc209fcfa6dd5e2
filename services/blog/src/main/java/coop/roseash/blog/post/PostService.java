package coop.roseash.blog.post;

import coop.roseash.blog.errors.BlogNotFoundException;
import coop.roseash.blog.errors.InvalidBlogInputException;
import coop.roseash.shared.richtext.RichTextSanitizer;

import coop.roseash.shared.contracts.blog.Paged;
import coop.roseash.blog.post.PostDraft;
import coop.roseash.shared.contracts.blog.PostSummary;
import coop.roseash.shared.contracts.blog.PostView;
import coop.roseash.shared.model.blog.Author;
import coop.roseash.shared.model.blog.OldSlug;
import coop.roseash.shared.model.blog.Post;
import coop.roseash.shared.model.blog.PostStatus;
import coop.roseash.shared.model.blog.PostTag;
import coop.roseash.shared.model.blog.PostType;
import coop.roseash.shared.model.blog.Tag;
import io.quarkus.panache.common.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Posts and pages: drafts, publish/unpublish/delete, stable unique slugs with redirects from old ones,
 * optimistic locking on every save, public listings. Publishing, editing a published item and deleting
 * one record Create/Update/Delete activities in the same transaction.
 */
@ApplicationScoped
public class PostService {

    public static final int MAX_PAGE_SIZE = 100;

    /** First path segments the blog's own routes use; a post there would be unreachable. */
    static final Set<String> RESERVED_SLUGS = Set.of("admin", "auth", "search", "tag", "author", "internal", "q",
            "rss", "atom", "feed", "sitemap", "static", "sx", "ghost", "api", "page", "well-known", "favicon");

    @Inject
    PostActivities activities;

    @Inject
    BlogReadCache cache;

    // ---- editing -------------------------------------------------------------------------------

    /** Creates a draft; the slug comes from the draft's slug field or, when blank, from the title. */
    @Transactional
    public PostView create(PostDraft draft) {
        Post post = new Post();
        post.type = typeOf(draft.type());
        post.status = PostStatus.DRAFT;
        apply(post, draft);
        post.slug = draft.slug() == null || draft.slug().isBlank()
                ? Slugs.unique(Slugs.slugify(draft.title(), post.type == PostType.PAGE ? "page" : "post"),
                        s -> slugTaken(s, null))
                : requireFreeSlug(draft.slug(), null);
        post.persist();
        replaceTags(post, draft.tags());
        return viewAfterFlush(post);
    }

    /**
     * Saves an edit made on {@code expectedVersion}. If someone saved in between, nothing changes and a
     * {@link StaleEditException} says so. A changed slug keeps the old one as a redirect.
     */
    @Transactional
    public PostView update(long id, int expectedVersion, PostDraft draft) {
        Post post = lockedForEdit(id, expectedVersion);
        apply(post, draft);
        if (draft.type() != null && !draft.type().isBlank()) {
            post.type = typeOf(draft.type());
        }
        if (draft.slug() != null && !draft.slug().isBlank()) {
            String wanted = requireFreeSlug(draft.slug(), post.id);
            if (!wanted.equals(post.slug)) {
                moveSlug(post, wanted);
            }
        }
        replaceTags(post, draft.tags());
        touch(post);
        if (post.status == PostStatus.PUBLISHED) {
            activities.updated(post);
        }
        return viewAfterFlush(post);
    }

    @Transactional
    public PostView publish(long id, int expectedVersion) {
        Post post = lockedForEdit(id, expectedVersion);
        if (post.status != PostStatus.PUBLISHED) {
            post.status = PostStatus.PUBLISHED;
            if (post.publishedAt == null) {
                post.publishedAt = Instant.now();
            }
            touch(post);
            activities.created(post);
        }
        return viewAfterFlush(post);
    }

    @Transactional
    public PostView unpublish(long id, int expectedVersion) {
        Post post = lockedForEdit(id, expectedVersion);
        if (post.status == PostStatus.PUBLISHED) {
            post.status = PostStatus.DRAFT;
            touch(post);
            activities.deleted(post);
        }
        return viewAfterFlush(post);
    }

    @Transactional
    public void delete(long id) {
        Post post = Post.findById(id);
        if (post == null) {
            throw new BlogNotFoundException("post " + id);
        }
        if (post.status == PostStatus.PUBLISHED) {
            activities.deleted(post);
        }
        post.delete();
    }

    // ---- reading -------------------------------------------------------------------------------

    @Transactional
    public Optional<PostView> byId(long id) {
        return Post.<Post>findByIdOptional(id).map(PostMapper::view);
    }

    /** A published post or page by its current slug. */
    @Transactional
    public Optional<PostView> publishedBySlug(String slug) {
        return Post.<Post>find("slug = ?1 and status = ?2", slug, PostStatus.PUBLISHED)
                .firstResultOptional().map(PostMapper::view);
    }

    /** The current slug of the post that used to be at {@code oldSlug}, for a permanent redirect. */
    @Transactional
    public Optional<String> renamedTo(String oldSlug) {
        return OldSlug.<OldSlug>find("slug", oldSlug).firstResultOptional()
                .filter(o -> o.post.status == PostStatus.PUBLISHED)
                .map(o -> o.post.slug);
    }

    /** Published posts (or pages), newest first; pages numbered from 1. */
    @Transactional
    public Paged<PostSummary> published(String type, int page, int pageSize) {
        return listing("published", "p.type = ?1 and p.status = ?2", page, pageSize, typeOf(type), PostStatus.PUBLISHED);
    }

    @Transactional
    public Paged<PostSummary> publishedWithTag(String tagSlug, int page, int pageSize) {
        return listing("tag", "p.status = ?1 and p.type = ?2 and exists (select 1 from PostTag pt where pt.post = p "
                + "and pt.tag.slug = ?3)", page, pageSize, PostStatus.PUBLISHED, PostType.POST, tagSlug);
    }

    @Transactional
    public Paged<PostSummary> publishedByAuthor(String authorSlug, int page, int pageSize) {
        return listing("author", "p.status = ?1 and p.type = ?2 and p.author.slug = ?3", page, pageSize,
                PostStatus.PUBLISHED, PostType.POST, authorSlug);
    }

    /** Everything, drafts included, most recently edited first (admin). */
    @Transactional
    public Paged<PostSummary> all(int page, int pageSize) {
        int size = clampSize(pageSize);
        int index = Math.max(1, page) - 1;
        List<Post> posts = Post.<Post>find("select p from Post p left join fetch p.author order by p.updatedAt desc, p.id desc")
                .page(Page.of(index, size)).list();
        return new Paged<>(PostMapper.summaries(posts), index + 1, size, Post.count());
    }

    /** The newest published posts with their bodies, for feeds. */
    @Transactional
    public List<PostView> latestForFeed(int limit) {
        List<Post> posts = Post.<Post>find("select p from Post p left join fetch p.author where p.type = ?1 and p.status = ?2 "
                        + "order by p.publishedAt desc, p.id desc", PostType.POST, PostStatus.PUBLISHED)
                .page(Page.ofSize(Math.min(limit, MAX_PAGE_SIZE))).list();
        return posts.stream().map(PostMapper::view).toList();
    }

    /** The newest published posts carrying a tag, for that tag's feed. */
    @Transactional
    public List<PostView> latestForFeedWithTag(String tagSlug, int limit) {
        List<Post> posts = Post.<Post>find("select p from Post p left join fetch p.author where p.type = ?1 and p.status = ?2 "
                        + "and exists (select 1 from PostTag pt where pt.post = p and pt.tag.slug = ?3) "
                        + "order by p.publishedAt desc, p.id desc", PostType.POST, PostStatus.PUBLISHED, tagSlug)
                .page(Page.ofSize(Math.min(limit, MAX_PAGE_SIZE))).list();
        return posts.stream().map(PostMapper::view).toList();
    }

    /** Every published post and page (slug, type, last change) for the sitemap. */
    @Transactional
    public List<PostSummary> allPublished() {
        List<Post> posts = Post.<Post>find("select p from Post p left join fetch p.author where p.status = ?1 "
                + "order by p.publishedAt desc, p.id desc", PostStatus.PUBLISHED).list();
        return posts.stream().map(p -> PostMapper.summary(p, List.of())).toList();
    }

    /** Whether the member is the author of the post (post authors may edit their own posts). */
    @Transactional
    public boolean isAuthor(long postId, long userId) {
        return Post.count("id = ?1 and author.userId = ?2", postId, userId) > 0;
    }

    // ---- internals -----------------------------------------------------------------------------

    /** Flushes first, so the version in the view is the one now stored (Hibernate bumps it at flush). */
    private static PostView viewAfterFlush(Post post) {
        Post.flush();
        return PostMapper.view(post);
    }

    /**
     * A public listing page, from the read cache when nothing changed since it was built. Only the columns a
     * summary shows are read (the body is never loaded), and the tags of the whole page in one query.
     */
    private Paged<PostSummary> listing(String name, String where, int page, int pageSize, Object... params) {
        int size = clampSize(pageSize);
        int index = Math.max(1, page) - 1;
        String key = "listing|" + name + "|" + Arrays.toString(params) + "|" + index + "|" + size;
        return cache.get(key, () -> {
            TypedQuery<Object[]> query = Post.getEntityManager().createQuery("select " + PostMapper.SUMMARY_COLUMNS
                    + " from Post p left join p.author a where " + where + " order by p.publishedAt desc, p.id desc",
                    Object[].class);
            for (int i = 0; i < params.length; i++) {
                query.setParameter(i + 1, params[i]);
            }
            List<Object[]> rows = query.setFirstResult(index * size).setMaxResults(size).getResultList();
            // count(*), not count(p.id): the listing index answers it alone (index-only scan)
            long total = Post.count("select count(*) from Post p where " + where, params);
            return new Paged<>(PostMapper.summaryRows(rows), index + 1, size, total);
        });
    }

    private static int clampSize(int pageSize) {
        return Math.max(1, Math.min(pageSize, MAX_PAGE_SIZE));
    }

    private Post lockedForEdit(long id, int expectedVersion) {
        Post post = Post.findById(id);
        if (post == null) {
            throw new BlogNotFoundException("post " + id);
        }
        if (post.version != expectedVersion) {
            throw new StaleEditException(id, expectedVersion, post.version);
        }
        return post;
    }

    /** Bumps the version even when only tags changed, so every save is visible to other editors. */
    private static void touch(Post post) {
        post.updatedAt = Instant.now();
    }

    private static void apply(Post post, PostDraft draft) {
        if (draft.title() == null || draft.title().isBlank()) {
            throw new InvalidBlogInputException("A title is required.");
        }
        post.title = draft.title().strip();
        post.html = RichTextSanitizer.sanitize(draft.html());
        post.plaintext = RichTextSanitizer.plainText(post.html);
        post.excerpt = blankToNull(draft.excerpt());
        post.featureImage = httpUrlOrNull(draft.featureImage());
        if (draft.authorId() != null) {
            post.author = Author.<Author>findByIdOptional(draft.authorId())
                    .orElseThrow(() -> new InvalidBlogInputException("No author with id " + draft.authorId() + "."));
        }
    }

    private void replaceTags(Post post, List<String> tagNames) {
        if (tagNames == null) {
            return;
        }
        PostTag.delete("post", post);
        Map<String, String> bySlug = new LinkedHashMap<>();
        for (String name : tagNames) {
            if (name != null && !name.isBlank()) {
                bySlug.putIfAbsent(Slugs.slugify(name, "tag"), name.strip());
            }
        }
        int position = 0;
        for (Map.Entry<String, String> e : bySlug.entrySet()) {
            Tag tag = Tag.<Tag>find("slug", e.getKey()).firstResultOptional().orElseGet(() -> {
                Tag t = new Tag();
                t.slug = e.getKey();
                t.name = e.getValue();
                t.persist();
                return t;
            });
            PostTag link = new PostTag();
            link.post = post;
            link.tag = tag;
            link.position = position++;
            link.persist();
        }
    }

    private void moveSlug(Post post, String wanted) {
        OldSlug.delete("slug", wanted); // taking back one of its own old slugs
        OldSlug old = new OldSlug();
        old.post = post;
        old.slug = post.slug;
        old.persist();
        post.slug = wanted;
    }

    private String requireFreeSlug(String requested, Long ownId) {
        String slug = Slugs.slugify(requested, "");
        if (slug.isEmpty()) {
            throw new InvalidBlogInputException("The slug must contain letters or digits.");
        }
        if (slugTaken(slug, ownId)) {
            throw new InvalidBlogInputException("The slug \"" + slug + "\" is already used by another post or page.");
        }
        return slug;
    }

    /** A slug is taken by another item's current slug or by another item's old slug (its redirect). */
    public static boolean slugTaken(String slug, Long ownId) {
        if (RESERVED_SLUGS.contains(slug)) {
            return true;
        }
        if (ownId == null) {
            return Post.count("slug", slug) > 0 || OldSlug.count("slug", slug) > 0;
        }
        return Post.count("slug = ?1 and id <> ?2", slug, ownId) > 0
                || OldSlug.count("slug = ?1 and post.id <> ?2", slug, ownId) > 0;
    }

    public static PostType typeOf(String type) {
        if (type == null || type.isBlank()) {
            return PostType.POST;
        }
        try {
            return PostType.valueOf(type.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidBlogInputException("Unknown type \"" + type + "\": use post or page.");
        }
    }

    public static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    public static String httpUrlOrNull(String url) {
        String u = blankToNull(url);
        if (u == null) {
            return null;
        }
        String lower = u.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("http://") && !lower.startsWith("https://")) {
            throw new InvalidBlogInputException("The feature image must be an http(s) URL.");
        }
        return u;
    }
}
