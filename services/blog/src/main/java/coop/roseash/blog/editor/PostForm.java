package coop.roseash.blog.editor;

import coop.roseash.blog.post.PostDraft;
import coop.roseash.shared.contracts.blog.PostView;
import coop.roseash.shared.contracts.blog.TagRef;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** The editor's fields as submitted (or as stored), shown back in the form; tags are one comma-separated line. */
public record PostForm(String type, String title, String slug, String tags, String excerpt, String featureImage,
                       String html) {

    public static PostForm blank(String type) {
        return new PostForm("page".equals(type) ? "page" : "post", "", "", "", "", "", "");
    }

    public static PostForm of(PostView p) {
        return new PostForm(p.type(), p.title(), p.slug(), p.tags().stream().map(TagRef::name).collect(Collectors.joining(", ")),
                nz(p.excerpt()), nz(p.featureImage()), p.html());
    }

    /** The draft to save; {@code authorId} is kept as stored when null. */
    public PostDraft toDraft(Long authorId) {
        List<String> tagNames = Arrays.stream(nz(tags).split(",")).map(String::strip).filter(t -> !t.isEmpty()).toList();
        return new PostDraft(type, title, slug, html, excerpt, featureImage, tagNames, authorId);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
