package coop.roseash.blog.support;

import coop.roseash.blog.author.AuthorView;
import coop.roseash.blog.post.PostDraft;
import coop.roseash.shared.contracts.blog.PostView;
import coop.roseash.blog.author.AuthorService;
import coop.roseash.blog.post.PostService;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** Creates content for page tests through the domain services, as an editor would. */
@ApplicationScoped
public class Seed {

    private final PostService posts;
    private final AuthorService authors;

    Seed(PostService posts, AuthorService authors) {
        this.posts = posts;
        this.authors = authors;
    }

    public AuthorView author(long userId, String email, String name) {
        return authors.forMember(userId, email, name);
    }

    public PostView published(String type, String title, String html, Long authorId, String... tags) {
        PostView p = posts.create(new PostDraft(type, title, null, html, null, null, List.of(tags), authorId));
        return posts.publish(p.id(), p.version());
    }

    public PostView draft(String title, String html) {
        return posts.create(new PostDraft("post", title, null, html, null, null, List.of(), null));
    }
}
