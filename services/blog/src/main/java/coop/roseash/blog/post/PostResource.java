package coop.roseash.blog.post;

import coop.roseash.shared.web.access.PublicRoute;
import coop.roseash.blog.web.ContainerCards;
import coop.roseash.blog.web.PageMeta;
import coop.roseash.blog.web.ViewArgs;
import coop.roseash.shared.contracts.blog.PostView;
import coop.roseash.blog.post.PostService;
import coop.roseash.shared.web.ErrorViews;
import coop.roseash.shared.web.SxView;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

/** A published post or page at {@code /{slug}/}; an old slug answers with a permanent redirect to the new one. */
@PublicRoute
@Path("/{slug: [a-z0-9]+(?:-[a-z0-9]+)*}")
public class PostResource {

    private final PostService posts;
    private final ContainerCards containers;
    private final PageMeta meta;

    PostResource(PostService posts, ContainerCards containers, PageMeta meta) {
        this.posts = posts;
        this.containers = containers;
        this.meta = meta;
    }

    @GET
    public Response show(@PathParam("slug") String slug) {
        Optional<PostView> found = posts.publishedBySlug(slug);
        if (found.isEmpty()) {
            return posts.renamedTo(slug)
                    .map(current -> Response.status(301).location(URI.create("/" + current + "/")).build())
                    .orElseGet(() -> Response.status(404).entity(ErrorViews.forStatus(404)).build());
        }
        PostView post = found.get();
        Map<String, String> fragments = containers.forContainer(post.type(), post.id());
        return Response.ok(meta.forPost(SxView.page("~blog/post", ViewArgs.of()
                .with("post", post)
                .with("cards", fragments.getOrDefault("container-cards", ""))
                .with("container-nav", fragments.getOrDefault("container-nav", "")).map())
                .title(post.title()), post)).build();
    }
}
