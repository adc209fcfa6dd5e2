package coop.roseash.shared.services.blog;

import coop.roseash.shared.contracts.blog.AuthorRef;
import coop.roseash.shared.contracts.blog.PostSummary;
import coop.roseash.shared.contracts.blog.PostView;
import coop.roseash.shared.contracts.blog.TagRef;
import coop.roseash.shared.model.blog.Author;
import coop.roseash.shared.model.blog.Post;
import coop.roseash.shared.model.blog.PostTag;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Turns post entities into DTOs, loading the tags of a whole listing in one query. */
final class PostMapper {

    private PostMapper() {
    }

    static Map<Long, List<TagRef>> tagsOf(Collection<Long> postIds) {
        if (postIds.isEmpty()) {
            return Map.of();
        }
        List<PostTag> links = PostTag.find(
                "select pt from PostTag pt join fetch pt.tag where pt.post.id in ?1 order by pt.position, pt.id",
                postIds).list();
        return links.stream().collect(Collectors.groupingBy(pt -> pt.post.id,
                Collectors.mapping(pt -> new TagRef(pt.tag.slug, pt.tag.name), Collectors.toList())));
    }

    static List<PostSummary> summaries(List<Post> posts) {
        Map<Long, List<TagRef>> tags = tagsOf(posts.stream().map(p -> p.id).toList());
        return posts.stream().map(p -> summary(p, tags.getOrDefault(p.id, List.of()))).toList();
    }

    static PostSummary summary(Post p, List<TagRef> tags) {
        return new PostSummary(p.id, lower(p.type), lower(p.status), p.slug, p.title, excerptOf(p), p.featureImage,
                author(p.author), tags, p.publishedAt, p.updatedAt);
    }

    static PostView view(Post p) {
        List<TagRef> tags = tagsOf(List.of(p.id)).getOrDefault(p.id, List.of());
        return new PostView(p.id, lower(p.type), lower(p.status), p.slug, p.title, p.html, excerptOf(p),
                p.featureImage, author(p.author), tags, p.publishedAt, p.updatedAt, p.version);
    }

    static AuthorRef author(Author a) {
        return a == null ? null : new AuthorRef(a.id, a.slug, a.name);
    }

    /** The editor's excerpt, else the first words of the body. */
    static String excerptOf(Post p) {
        if (p.excerpt != null && !p.excerpt.isBlank()) {
            return p.excerpt;
        }
        String text = p.plaintext == null ? "" : p.plaintext;
        if (text.length() <= 240) {
            return text;
        }
        int cut = text.lastIndexOf(' ', 240);
        return text.substring(0, cut > 120 ? cut : 240) + "…";
    }

    static String lower(Enum<?> e) {
        return e == null ? null : e.name().toLowerCase(Locale.ROOT);
    }
}
