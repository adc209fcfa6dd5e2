package coop.roseash.blog.editor;

import coop.roseash.shared.web.access.AdminOnly;
import coop.roseash.blog.admin.AdminGate;
import coop.roseash.blog.admin.Notices;
import coop.roseash.blog.admin.Redirects;
import coop.roseash.blog.web.ViewArgs;
import coop.roseash.shared.contracts.blog.PostView;
import coop.roseash.blog.author.AuthorService;
import coop.roseash.blog.errors.BlogNotFoundException;
import coop.roseash.blog.errors.InvalidBlogInputException;
import coop.roseash.blog.post.PostService;
import coop.roseash.shared.richtext.RichTextSanitizer;
import coop.roseash.blog.post.StaleEditException;
import coop.roseash.shared.web.SxView;
import coop.roseash.shared.web.Visitor;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;

/**
 * Writing posts and pages: new, edit, save, publish, unpublish, preview, delete. Every save carries the version
 * the editor started from; a stale one gets the conflict page (409) with the editor's own text kept.
 */
@AdminOnly
@Path("/admin")
public class EditorResource {

    private final AdminGate gate;
    private final PostService posts;
    private final AuthorService authors;

    EditorResource(AdminGate gate, PostService posts, AuthorService authors) {
        this.gate = gate;
        this.posts = posts;
        this.authors = authors;
    }

    @GET
    @Path("posts/new")
    public SxView newPost(@QueryParam("type") String type) {
        gate.requireAdmin();
        return editor(null, PostForm.blank(type), null).title("New " + PostForm.blank(type).type());
    }

    @POST
    @Path("posts")
    public Response create(@RestForm String type, @RestForm String title, @RestForm String slug, @RestForm String tags,
                           @RestForm String excerpt, @RestForm("feature_image") String featureImage,
                           @RestForm String html, @RestForm String action) {
        Visitor admin = gate.requireAdmin();
        PostForm form = new PostForm(type, title, slug, tags, excerpt, featureImage, html);
        try {
            long authorId = authors.forMember(admin.userId(), admin.email(), admin.displayName()).id();
            PostView created = posts.create(form.toDraft(authorId));
            if ("publish".equals(action)) {
                posts.publish(created.id(), created.version());
                return Redirects.seeOther(Notices.after("/admin/posts/" + created.id(), "published"));
            }
            return Redirects.seeOther(Notices.after("/admin/posts/" + created.id(), "created"));
        } catch (InvalidBlogInputException e) {
            return Response.status(400).entity(editor(null, form, null).with("error", e.getMessage()).view(400)).build();
        }
    }

    @GET
    @Path("posts/{id}")
    public SxView edit(@PathParam("id") long id, @QueryParam("done") String done) {
        gate.requireEditorOf(id);
        PostView post = find(id);
        return editor(post, PostForm.of(post), post.version()).with("notice", Notices.of(done)).view(200);
    }

    @POST
    @Path("posts/{id}")
    public Response save(@PathParam("id") long id, @RestForm String version, @RestForm String type,
                         @RestForm String title, @RestForm String slug, @RestForm String tags,
                         @RestForm String excerpt, @RestForm("feature_image") String featureImage,
                         @RestForm String html, @RestForm String action) {
        gate.requireEditorOf(id);
        PostForm form = new PostForm(type, title, slug, tags, excerpt, featureImage, html);
        int expected = parseVersion(version);
        try {
            PostView saved = posts.update(id, expected, form.toDraft(null));
            String done = "saved";
            if ("publish".equals(action)) {
                posts.publish(id, saved.version());
                done = "published";
            } else if ("unpublish".equals(action)) {
                posts.unpublish(id, saved.version());
                done = "unpublished";
            }
            return Redirects.seeOther(Notices.after("/admin/posts/" + id, done));
        } catch (StaleEditException e) {
            PostView current = find(id);
            // the form now carries the current version: saving again replaces the other edit on purpose
            return Response.status(409).entity(editor(current, form, e.currentVersion()).with("conflict", true)
                    .view(409)).build();
        } catch (InvalidBlogInputException e) {
            PostView current = find(id);
            return Response.status(400).entity(editor(current, form, expected).with("error", e.getMessage())
                    .view(400)).build();
        }
    }

    @POST
    @Path("posts/{id}/delete")
    public Response delete(@PathParam("id") long id) {
        gate.requireEditorOf(id);
        posts.delete(id);
        return Redirects.seeOther(Notices.after("/admin", "deleted"));
    }

    /** The sanitized body as it will be shown (the plain-form preview, and the live preview's fragment). */
    @POST
    @Path("preview")
    public SxView preview(@RestForm String title, @RestForm String html) {
        gate.requireAdmin();
        return SxView.page("~blog/admin/preview", ViewArgs.of()
                .with("title", title == null ? "" : title)
                .with("html", RichTextSanitizer.sanitize(html)).map()).title("Preview");
    }

    /** The live preview's fragment: only the sanitized body, never the raw text (the editor's #preview pane). */
    @POST
    @Path("preview/live")
    public SxView livePreview(@RestForm String html) {
        gate.requireAdmin();
        return SxView.page("~blog/admin/preview-body", ViewArgs.of()
                .with("html", RichTextSanitizer.sanitize(html)).map()).title("Preview");
    }

    private PostView find(long id) {
        return posts.byId(id).orElseThrow(() -> new BlogNotFoundException("post " + id));
    }

    private static int parseVersion(String version) {
        try {
            return Integer.parseInt(version == null ? "" : version.strip());
        } catch (NumberFormatException e) {
            throw new InvalidBlogInputException("The form lost its version; reload the editor and try again.");
        }
    }

    private static EditorView editor(PostView post, PostForm form, Integer version) {
        return new EditorView(post, form, version);
    }

    /** The editor view's arguments, built up before rendering. */
    static final class EditorView {
        private final ViewArgs args = ViewArgs.of();
        private final String title;

        EditorView(PostView post, PostForm form, Integer version) {
            args.with("post", post).with("values", form).with("version", version);
            title = post == null ? "New " + form.type() : "Edit: " + post.title();
        }

        EditorView with(String name, Object value) {
            args.with(name, value);
            return this;
        }

        SxView view(int status) {
            return SxView.page("~blog/admin/editor", args.map()).title(title).status(status);
        }

        SxView title(String t) {
            return SxView.page("~blog/admin/editor", args.map()).title(t);
        }
    }
}
