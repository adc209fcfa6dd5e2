package coop.roseash.account.admin;

import coop.roseash.account.InvalidInput;
import coop.roseash.account.access.Gate;
import coop.roseash.account.issues.IssueView;
import coop.roseash.account.issues.Issues;
import coop.roseash.account.newsletters.NewsletterView;
import coop.roseash.account.newsletters.Newsletters;
import coop.roseash.account.sending.Deliveries;
import coop.roseash.account.sending.SendStarter;
import coop.roseash.shared.web.SxRedirect;
import coop.roseash.shared.web.SxView;
import coop.roseash.shared.web.Visitor;
import coop.roseash.shared.web.access.AdminOnly;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;

import java.util.HashMap;
import java.util.Map;

/** The admin's newsletters: create one, compose an issue, preview it, test it on yourself, send it, watch it go. */
@AdminOnly
@Path("/admin/newsletters")
public class NewsletterAdminResource {

    private static final Map<String, String> NOTICES = Map.of(
            "created", "Created.",
            "saved", "Saved.",
            "tested", "A test copy is on its way to your address.",
            "sending", "Sending has started.");

    private final Gate gate;
    private final Newsletters newsletters;
    private final Issues issues;
    private final SendStarter starter;
    private final Deliveries deliveries;

    NewsletterAdminResource(Gate gate, Newsletters newsletters, Issues issues, SendStarter starter, Deliveries deliveries) {
        this.gate = gate;
        this.newsletters = newsletters;
        this.issues = issues;
        this.starter = starter;
        this.deliveries = deliveries;
    }

    @GET
    public SxView list(@QueryParam("done") String done) {
        gate.requireAdmin("/admin/newsletters");
        return listPage(notice(done), null, 200);
    }

    @POST
    public Response create(@Context HttpHeaders headers, @RestForm String name, @RestForm String slug,
                           @RestForm String description) {
        gate.requireAdmin("/admin/newsletters");
        try {
            NewsletterView n = newsletters.create(name, slug, description);
            return SxRedirect.to(headers, "/admin/newsletters/" + n.id() + "?done=created");
        } catch (InvalidInput e) {
            return Response.status(e.status()).entity(listPage(null, e.getMessage(), e.status())).build();
        }
    }

    @GET
    @Path("{id}")
    public SxView newsletter(@PathParam("id") long id, @QueryParam("done") String done) {
        gate.requireAdmin("/admin/newsletters/" + id);
        return newsletterPage(id, notice(done), null, null, null, 200);
    }

    /** A new draft issue. */
    @POST
    @Path("{id}/issues")
    public Response compose(@Context HttpHeaders headers, @PathParam("id") long id, @RestForm String subject,
                            @RestForm String body) {
        gate.requireAdmin("/admin/newsletters/" + id);
        try {
            IssueView issue = issues.create(id, subject, body);
            return SxRedirect.to(headers, "/admin/newsletters/issues/" + issue.id() + "?done=saved");
        } catch (InvalidInput e) {
            return Response.status(e.status()).entity(newsletterPage(id, null, e.getMessage(), subject, body, e.status())).build();
        }
    }

    /** The issue: preview, edit while a draft, test, send, and the send's progress (reloading itself while it runs). */
    @GET
    @Path("issues/{issueId}")
    public SxView issue(@PathParam("issueId") long issueId, @QueryParam("done") String done) {
        gate.requireAdmin("/admin/newsletters/issues/" + issueId);
        return issuePage(issues.byId(issueId), notice(done), null, 200);
    }

    @POST
    @Path("issues/{issueId}")
    public Response update(@Context HttpHeaders headers, @PathParam("issueId") long issueId, @RestForm String subject,
                           @RestForm String body) {
        gate.requireAdmin("/admin/newsletters/issues/" + issueId);
        try {
            issues.update(issueId, subject, body);
            return SxRedirect.to(headers, "/admin/newsletters/issues/" + issueId + "?done=saved");
        } catch (InvalidInput e) {
            return Response.status(e.status()).entity(issuePage(issues.byId(issueId), null, e.getMessage(), e.status())).build();
        }
    }

    @POST
    @Path("issues/{issueId}/test")
    public Response test(@Context HttpHeaders headers, @PathParam("issueId") long issueId) {
        Visitor admin = gate.requireAdmin("/admin/newsletters/issues/" + issueId);
        issues.testSend(issueId, admin.email());
        return SxRedirect.to(headers, "/admin/newsletters/issues/" + issueId + "?done=tested");
    }

    @POST
    @Path("issues/{issueId}/send")
    public Response send(@Context HttpHeaders headers, @PathParam("issueId") long issueId) {
        gate.requireAdmin("/admin/newsletters/issues/" + issueId);
        try {
            starter.start(issueId);
            return SxRedirect.to(headers, "/admin/newsletters/issues/" + issueId + "?done=sending");
        } catch (InvalidInput e) {
            return Response.status(e.status()).entity(issuePage(issues.byId(issueId), null, e.getMessage(), e.status())).build();
        }
    }

    private SxView listPage(String notice, String error, int status) {
        Map<String, Object> args = args(notice, error);
        args.put("newsletters", newsletters.all());
        return SxView.page("~account/admin/newsletters", args).title("Newsletters: admin").status(status);
    }

    private SxView newsletterPage(long id, String notice, String error, String subject, String body, int status) {
        NewsletterView n = newsletters.byId(id);
        Map<String, Object> args = args(notice, error);
        args.put("newsletter", n);
        args.put("issues", issues.of(id));
        if (subject != null) {
            args.put("subject", subject);
        }
        if (body != null) {
            args.put("body", body);
        }
        return SxView.page("~account/admin/newsletter", args).title(n.name() + ": admin").status(status);
    }

    private SxView issuePage(IssueView issue, String notice, String error, int status) {
        Map<String, Object> args = args(notice, error);
        args.put("issue", issue);
        args.put("progress", deliveries.progress(issue.id()));
        args.put("subscribers", newsletters.byId(issue.newsletterId()).subscribers());
        return SxView.page("~account/admin/issue", args).title(issue.subject() + ": admin").status(status);
    }

    private static Map<String, Object> args(String notice, String error) {
        Map<String, Object> args = new HashMap<>();
        if (notice != null) {
            args.put("notice", notice);
        }
        if (error != null) {
            args.put("error", error);
        }
        return args;
    }

    private static String notice(String key) {
        return key == null ? null : NOTICES.get(key);
    }
}
