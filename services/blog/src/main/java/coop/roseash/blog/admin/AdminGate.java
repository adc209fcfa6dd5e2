package coop.roseash.blog.admin;

import coop.roseash.blog.post.PostService;
import coop.roseash.shared.web.ErrorViews;
import coop.roseash.shared.web.Visitor;
import coop.roseash.shared.web.VisitorSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import java.net.URI;

/**
 * Who may use the blog's admin: admins (configured by email, {@code roseash.admins}) everywhere, and a post's
 * author for that post. Visitors who are not signed in are sent to sign in; others get 403.
 */
@ApplicationScoped
public class AdminGate {

    private final VisitorSource visitors;
    private final PostService posts;

    AdminGate(VisitorSource visitors, PostService posts) {
        this.visitors = visitors;
        this.posts = posts;
    }

    /** The signed-in admin, or the request ends here. */
    public Visitor requireAdmin() {
        Visitor v = requireSignedIn();
        if (!v.admin()) {
            throw forbidden();
        }
        return v;
    }

    /** An admin, or the author of post {@code postId}. */
    public Visitor requireEditorOf(long postId) {
        Visitor v = requireSignedIn();
        if (!v.admin() && !posts.isAuthor(postId, v.userId())) {
            throw forbidden();
        }
        return v;
    }

    private Visitor requireSignedIn() {
        Visitor v = visitors.current();
        if (v == null || !v.signedIn()) {
            throw new WebApplicationException(Response.seeOther(URI.create("/auth/login")).build());
        }
        return v;
    }

    private static WebApplicationException forbidden() {
        return new WebApplicationException(Response.status(403).entity(ErrorViews.forStatus(403)).build());
    }
}
