package coop.roseash.blog.settings;

import coop.roseash.shared.web.access.AdminOnly;
import coop.roseash.blog.admin.AdminGate;
import coop.roseash.blog.admin.Notices;
import coop.roseash.blog.admin.Redirects;
import coop.roseash.blog.web.ViewArgs;
import coop.roseash.shared.contracts.blog.PostView;
import coop.roseash.blog.errors.BlogNotFoundException;
import coop.roseash.shared.services.blog.PageSettingsService;
import coop.roseash.blog.post.PostService;
import coop.roseash.shared.web.SxView;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;

/** A page's settings: SumUp merchant code and API key (write-only, stored encrypted), feature flags. */
@AdminOnly
@Path("/admin/posts/{id}/settings")
public class SettingsAdminResource {

    private final AdminGate gate;
    private final PostService posts;
    private final PageSettingsService settings;

    SettingsAdminResource(AdminGate gate, PostService posts, PageSettingsService settings) {
        this.gate = gate;
        this.posts = posts;
        this.settings = settings;
    }

    @GET
    public SxView show(@PathParam("id") long id, @QueryParam("done") String done) {
        gate.requireEditorOf(id);
        PostView post = find(id);
        return SxView.page("~blog/admin/settings", ViewArgs.of()
                .with("post", post)
                .with("settings", settings.settings(post.type(), id))
                .with("notice", Notices.of(done)).map()).title("Settings: " + post.title());
    }

    @POST
    public Response save(@PathParam("id") long id, @RestForm("sumup_merchant_code") String merchantCode,
                         @RestForm("sumup_api_key") String apiKey, @RestForm("clear_sumup_api_key") String clearKey,
                         @RestForm String calendar, @RestForm String market, @RestForm String tickets) {
        gate.requireEditorOf(id);
        PostView post = find(id);
        settings.save(post.type(), id, merchantCode, apiKey, "true".equals(clearKey), "true".equals(calendar),
                "true".equals(market), "true".equals(tickets));
        return Redirects.seeOther(Notices.after("/admin/posts/" + id + "/settings", "saved"));
    }

    private PostView find(long id) {
        return posts.byId(id).orElseThrow(() -> new BlogNotFoundException("post " + id));
    }
}
