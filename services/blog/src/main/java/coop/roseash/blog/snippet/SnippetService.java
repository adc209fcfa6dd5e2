package coop.roseash.blog.snippet;

import coop.roseash.blog.errors.BlogNotFoundException;
import coop.roseash.blog.errors.InvalidBlogInputException;
import coop.roseash.blog.post.Slugs;
import coop.roseash.shared.richtext.RichTextSanitizer;

import coop.roseash.blog.snippet.SnippetView;
import coop.roseash.shared.model.blog.Snippet;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.Optional;

/** Snippets: reusable blocks of rich text (opening hours, a membership blurb), sanitized like post bodies. */
@ApplicationScoped
public class SnippetService {

    @Transactional
    public List<SnippetView> all() {
        return Snippet.<Snippet>find("order by name").list().stream().map(SnippetService::view).toList();
    }

    @Transactional
    public Optional<SnippetView> bySlug(String slug) {
        return Snippet.<Snippet>find("slug", slug).firstResultOptional().map(SnippetService::view);
    }

    @Transactional
    public Optional<SnippetView> byId(long id) {
        return Snippet.<Snippet>findByIdOptional(id).map(SnippetService::view);
    }

    @Transactional
    public SnippetView create(String name, String html) {
        Snippet s = new Snippet();
        s.name = requireName(name);
        s.slug = Slugs.unique(Slugs.slugify(s.name, "snippet"), slug -> Snippet.count("slug", slug) > 0);
        s.html = RichTextSanitizer.sanitize(html);
        s.persist();
        return view(s);
    }

    @Transactional
    public SnippetView update(long id, String name, String html) {
        Snippet s = Snippet.<Snippet>findByIdOptional(id).orElseThrow(() -> new BlogNotFoundException("snippet " + id));
        s.name = requireName(name);
        s.html = RichTextSanitizer.sanitize(html);
        return view(s);
    }

    @Transactional
    public void delete(long id) {
        if (!Snippet.deleteById(id)) {
            throw new BlogNotFoundException("snippet " + id);
        }
    }

    private static String requireName(String name) {
        if (name == null || name.isBlank()) {
            throw new InvalidBlogInputException("A snippet needs a name.");
        }
        return name.strip();
    }

    private static SnippetView view(Snippet s) {
        return new SnippetView(s.id, s.name, s.slug, s.html);
    }
}
