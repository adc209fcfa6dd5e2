package coop.roseash.blog.post;

import coop.roseash.shared.contracts.blog.AuthorRef;
import coop.roseash.shared.contracts.blog.PostSummary;
import coop.roseash.shared.contracts.blog.PostView;
import coop.roseash.shared.contracts.blog.TagRef;
import coop.roseash.shared.model.blog.Author;
import coop.roseash.shared.model.blog.Post;
import coop.roseash.shared.model.blog.PostTag;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Turns post entities into DTOs, loading the tags of a whole listing in one query. */
public final class PostMapper {

    /** Characters of the body an automatic excerpt may take. */
    static final int EXCERPT_LENGTH = 240;

    private PostMapper() {
    }

    /**
     * The columns of a summary, for a JPQL select over {@code Post p left join p.author a}: only the start of the
     * plaintext is read, enough for {@link #excerptOf(String, String)}; the body is never loaded.
     */
    public static final String SUMMARY_COLUMNS = "p.id, p.type, p.status, p.slug, p.title, p.excerpt, "
            + "substring(p.plaintext, 1, " + (EXCERPT_LENGTH + 1) + "), p.featureImage, a.id, a.slug, a.name, "
            + "p.publishedAt, p.updatedAt";

    public static Map<Long, List<TagRef>> tagsOf(Collection<Long> postIds) {
        if (postIds.isEmpty()) {
            return Map.of();
        }
        List<PostTag> links = PostTag.find(
                "select pt from PostTag pt join fetch pt.tag where pt.post.id in ?1 order by pt.position, pt.id",
                postIds).list();
        return links.stream().collect(Collectors.groupingBy(pt -> pt.post.id,
                Collectors.mapping(pt -> new TagRef(pt.tag.slug, pt.tag.name), Collectors.toList())));
    }

    public static List<PostSummary> summaries(List<Post> posts) {
        Map<Long, List<TagRef>> tags = tagsOf(posts.stream().map(p -> p.id).toList());
        return posts.stream().map(p -> summary(p, tags.getOrDefault(p.id, List.of()))).toList();
    }

    /** Summaries from {@link #SUMMARY_COLUMNS} rows, with the tags of all of them in one query. */
    public static List<PostSummary> summaryRows(List<Object[]> rows) {
        Map<Long, List<TagRef>> tags = tagsOf(rows.stream().map(r -> (Long) r[0]).toList());
        return rows.stream().map(r -> new PostSummary((Long) r[0], lower((Enum<?>) r[1]), lower((Enum<?>) r[2]),
                (String) r[3], (String) r[4], excerptOf((String) r[5], (String) r[6]), (String) r[7],
                r[8] == null ? null : new AuthorRef((Long) r[8], (String) r[9], (String) r[10]),
                tags.getOrDefault((Long) r[0], List.of()), (Instant) r[11], (Instant) r[12])).toList();
    }

    public static PostSummary summary(Post p, List<TagRef> tags) {
        return new PostSummary(p.id, lower(p.type), lower(p.status), p.slug, p.title, excerptOf(p), p.featureImage,
                author(p.author), tags, p.publishedAt, p.updatedAt);
    }

    public static PostView view(Post p) {
        List<TagRef> tags = tagsOf(List.of(p.id)).getOrDefault(p.id, List.of());
        return new PostView(p.id, lower(p.type), lower(p.status), p.slug, p.title, p.html, excerptOf(p),
                p.featureImage, author(p.author), tags, p.publishedAt, p.updatedAt, p.version);
    }

    public static AuthorRef author(Author a) {
        return a == null ? null : new AuthorRef(a.id, a.slug, a.name);
    }

    /** The editor's excerpt, else the first words of the body. */
    public static String excerptOf(Post p) {
        return excerptOf(p.excerpt, p.plaintext);
    }

    /** As {@link #excerptOf(Post)}; {@code plaintext} may be cut after {@code EXCERPT_LENGTH + 1} characters. */
    public static String excerptOf(String excerpt, String plaintext) {
        if (excerpt != null && !excerpt.isBlank()) {
            return excerpt;
        }
        String text = plaintext == null ? "" : plaintext;
        if (text.length() <= EXCERPT_LENGTH) {
            return text;
        }
        int cut = text.lastIndexOf(' ', EXCERPT_LENGTH);
        return text.substring(0, cut > EXCERPT_LENGTH / 2 ? cut : EXCERPT_LENGTH) + "…";
    }

    public static String lower(Enum<?> e) {
        return e == null ? null : e.name().toLowerCase(Locale.ROOT);
    }
}
