package coop.roseash.blog.web;

import coop.roseash.blog.errors.BlogNotFoundException;
import coop.roseash.blog.errors.InvalidBlogInputException;
import coop.roseash.shared.web.ErrorViews;
import coop.roseash.shared.web.SxView;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Map;

/** The blog's domain errors as pages: unknown items are 404, input an editor can fix is 400 with the reason. */
public class BlogErrors {

    @ServerExceptionMapper
    public Response notFound(BlogNotFoundException e) {
        return Response.status(404).entity(ErrorViews.forStatus(404)).build();
    }

    @ServerExceptionMapper
    public Response invalid(InvalidBlogInputException e) {
        return Response.status(400).entity(SxView.page("~shared/error",
                Map.of("status", 400, "heading", "That did not work", "message", e.getMessage()))
                .title("Please check your input").status(400)).build();
    }
}
