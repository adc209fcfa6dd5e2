package coop.roseash.blog.post;


import coop.roseash.shared.config.ServiceUrls;
import coop.roseash.shared.bus.ActivityPublisher;
import coop.roseash.shared.bus.Visibility;
import coop.roseash.shared.model.blog.Post;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Records what happened to a published post on the event bus: publishing is {@code Create(Article)}, an edit
 * is {@code Update}, deleting or unpublishing is {@code Delete(Tombstone)}. Public, so federation can deliver
 * them to followers; written in the caller's transaction.
 */
@ApplicationScoped
public class PostActivities {

    static final String ORIGIN = "blog";

    @Inject
    ActivityPublisher publisher;

    @Inject
    ServiceUrls urls;

    public void created(Post post) {
        publisher.publish("Create", actor(post), article(post), Visibility.PUBLIC);
    }

    public void updated(Post post) {
        publisher.publish("Update", actor(post), article(post), Visibility.PUBLIC);
    }

    public void deleted(Post post) {
        Map<String, Object> tombstone = new LinkedHashMap<>();
        tombstone.put("type", "Tombstone");
        tombstone.put("id", url(post));
        publisher.publish("Delete", actor(post), tombstone, Visibility.PUBLIC);
    }

    private Map<String, Object> article(Post post) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("type", "Article");
        o.put("id", url(post));
        o.put("url", url(post));
        o.put("name", post.title);
        o.put("summary", PostMapper.excerptOf(post));
        o.put("content", post.html);
        o.put("published", post.publishedAt == null ? null : post.publishedAt.toString());
        o.put("attributedTo", actor(post));
        o.put("rose:postId", post.id);
        return o;
    }

    private String url(Post post) {
        return urls.publicUrl(ORIGIN) + "/" + post.slug + "/";
    }

    private String actor(Post post) {
        return post.author == null ? urls.publicUrl(ORIGIN) : urls.publicUrl(ORIGIN) + "/author/" + post.author.slug + "/";
    }
}
