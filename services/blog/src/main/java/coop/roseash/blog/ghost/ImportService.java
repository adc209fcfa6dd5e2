package coop.roseash.blog.ghost;

import coop.roseash.blog.errors.InvalidBlogInputException;
import coop.roseash.blog.post.PostActivities;
import coop.roseash.blog.post.PostService;
import coop.roseash.blog.post.Slugs;
import coop.roseash.shared.richtext.RichTextSanitizer;

import coop.roseash.blog.ghost.ImportedAuthor;
import coop.roseash.blog.ghost.ImportedPost;
import coop.roseash.blog.ghost.ImportedTag;
import coop.roseash.shared.model.blog.Author;
import coop.roseash.shared.model.blog.Post;
import coop.roseash.shared.model.blog.PostStatus;
import coop.roseash.shared.model.blog.PostTag;
import coop.roseash.shared.model.blog.Tag;
import coop.roseash.shared.contracts.federation.MemberRef;
import coop.roseash.shared.contracts.federation.Members;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Stores content imported from Ghost, idempotently: every item is matched by its Ghost id, so importing the
 * same data twice changes nothing and an edited item is updated in place. Bodies are sanitized like the
 * editor's; imported slugs are kept unless another item already owns them. An author with an email is matched
 * to the blog author with that email, and linked to the member with that email (docs/spec/platform.md §4), so the
 * member is the author of the imported posts.
 */
@ApplicationScoped
public class ImportService {

    /** What an upsert did, for the import's progress report. */
    public enum Outcome { CREATED, UPDATED, UNCHANGED }

    @Inject
    PostActivities activities;

    @Inject
    Members members;

    @Transactional
    public Outcome upsertTag(ImportedTag t) {
        Tag tag = Tag.<Tag>find("ghostId", t.externalId()).firstResultOptional()
                .or(() -> Tag.find("slug", slugOf(t.slug(), t.name(), "tag")).firstResultOptional()).orElse(null);
        boolean created = tag == null;
        if (created) {
            tag = new Tag();
            tag.slug = Slugs.unique(slugOf(t.slug(), t.name(), "tag"), s -> Tag.count("slug", s) > 0);
        }
        String name = requireName(t.name(), "tag");
        String description = PostService.blankToNull(t.description());
        if (!created && t.externalId().equals(tag.ghostId) && name.equals(tag.name)
                && Objects.equals(description, tag.description)) {
            return Outcome.UNCHANGED;
        }
        tag.ghostId = t.externalId();
        tag.name = name;
        tag.description = description;
        tag.persist();
        return created ? Outcome.CREATED : Outcome.UPDATED;
    }

    @Transactional
    public Outcome upsertAuthor(ImportedAuthor a) {
        return upsertAuthorEntity(a).outcome;
    }

    private record AuthorResult(Author author, Outcome outcome) {
    }

    private AuthorResult upsertAuthorEntity(ImportedAuthor a) {
        String email = a.email() == null || a.email().isBlank() ? null : a.email().strip().toLowerCase(Locale.ROOT);
        Author author = Author.<Author>find("ghostId", a.externalId()).firstResultOptional()
                .or(() -> email == null ? Optional.empty() : Author.find("lower(email) = ?1", email).firstResultOptional())
                .orElse(null);
        boolean created = author == null;
        if (created) {
            author = new Author();
            author.slug = Slugs.unique(slugOf(a.slug(), a.name(), "author"), s -> Author.count("slug", s) > 0);
        }
        String name = requireName(a.name(), "author");
        String bio = PostService.blankToNull(a.bio());
        String image = safeHttpUrl(a.profileImage());
        Long userId = author.userId != null ? author.userId : memberWithEmail(email);
        if (!created && a.externalId().equals(author.ghostId) && name.equals(author.name) && Objects.equals(bio, author.bio)
                && Objects.equals(image, author.profileImage) && (email == null || email.equals(author.email))
                && Objects.equals(userId, author.userId)) {
            return new AuthorResult(author, Outcome.UNCHANGED);
        }
        author.userId = userId;
        author.ghostId = a.externalId();
        author.name = name;
        author.bio = bio;
        author.profileImage = image;
        if (email != null) {
            author.email = email;
        }
        author.persist();
        return new AuthorResult(author, created ? Outcome.CREATED : Outcome.UPDATED);
    }

    /**
     * The member (federation's {@link Members} contract, read only) with this email, when no other author is linked to them yet:
     * their imported posts are then theirs to edit, and their own author row is this one.
     */
    private Long memberWithEmail(String email) {
        if (email == null) {
            return null;
        }
        return members.byEmail(email)
                .filter(m -> Author.count("userId", m.id()) == 0)
                .map(MemberRef::id).orElse(null);
    }

    @Transactional
    public Outcome upsertPost(ImportedPost in) {
        Post post = Post.<Post>find("ghostId", in.externalId()).firstResultOptional().orElse(null);
        boolean created = post == null;
        String html = RichTextSanitizer.sanitize(in.html());
        String title = requireName(in.title(), "post");
        PostStatus status = in.published() ? PostStatus.PUBLISHED : PostStatus.DRAFT;
        String excerpt = PostService.blankToNull(in.excerpt());
        String image = safeHttpUrl(in.featureImage());
        Author author = in.author() == null ? null : upsertAuthorEntity(in.author()).author;
        if (!created && title.equals(post.title) && html.equals(post.html) && status == post.status
                && Objects.equals(excerpt, post.excerpt) && Objects.equals(image, post.featureImage)
                && Objects.equals(author == null ? null : author.id, post.author == null ? null : post.author.id)
                && sameTags(post, in.tags())) {
            return Outcome.UNCHANGED;
        }
        boolean wasPublished = !created && post.status == PostStatus.PUBLISHED;
        if (created) {
            post = new Post();
            post.ghostId = in.externalId();
            post.slug = Slugs.unique(slugOf(in.slug(), in.title(), "post"), s -> PostService.slugTaken(s, null));
        }
        post.type = PostService.typeOf(in.type());
        post.title = title;
        post.html = html;
        post.plaintext = RichTextSanitizer.plainText(html);
        post.excerpt = excerpt;
        post.featureImage = image;
        post.author = author;
        post.status = status;
        if (status == PostStatus.PUBLISHED) {
            post.publishedAt = in.publishedAt() != null ? in.publishedAt() : Optional.ofNullable(post.publishedAt).orElse(Instant.now());
        }
        post.updatedAt = Instant.now();
        post.persist();
        replaceTags(post, in.tags());
        if (status == PostStatus.PUBLISHED) {
            if (wasPublished) {
                activities.updated(post);
            } else {
                activities.created(post);
            }
        } else if (wasPublished) {
            activities.deleted(post);
        }
        return created ? Outcome.CREATED : Outcome.UPDATED;
    }

    /** Removes an item deleted in Ghost; true when there was one. */
    @Transactional
    public boolean deletePost(String externalId) {
        Optional<Post> post = Post.find("ghostId", externalId).firstResultOptional();
        post.ifPresent(p -> {
            if (p.status == PostStatus.PUBLISHED) {
                activities.deleted(p);
            }
            p.delete();
        });
        return post.isPresent();
    }

    private void replaceTags(Post post, List<ImportedTag> tags) {
        PostTag.delete("post", post);
        int position = 0;
        for (ImportedTag t : tags == null ? List.<ImportedTag>of() : tags) {
            upsertTag(t);
            Tag tag = Tag.<Tag>find("ghostId", t.externalId()).firstResult();
            if (PostTag.count("post = ?1 and tag = ?2", post, tag) == 0) {
                PostTag link = new PostTag();
                link.post = post;
                link.tag = tag;
                link.position = position++;
                link.persist();
            }
        }
    }

    private static boolean sameTags(Post post, List<ImportedTag> tags) {
        List<String> stored = PostTag.<PostTag>find("post = ?1 order by position, id", post).list().stream()
                .map(pt -> pt.tag.ghostId).toList();
        List<String> incoming = (tags == null ? List.<ImportedTag>of() : tags).stream().map(ImportedTag::externalId)
                .distinct().toList();
        return stored.equals(incoming);
    }

    private static String slugOf(String slug, String name, String fallback) {
        return Slugs.slugify(slug != null && !slug.isBlank() ? slug : name, fallback);
    }

    private static String requireName(String name, String what) {
        if (name == null || name.isBlank()) {
            throw new InvalidBlogInputException("An imported " + what + " has no name or title.");
        }
        return name.strip();
    }

    /** Imported image URLs are kept only when http(s); anything else is dropped, not refused. */
    private static String safeHttpUrl(String url) {
        try {
            return PostService.httpUrlOrNull(url);
        } catch (InvalidBlogInputException e) {
            return null;
        }
    }
}
