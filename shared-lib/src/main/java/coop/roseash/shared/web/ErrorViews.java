package coop.roseash.shared.web;

import jakarta.ws.rs.core.Response;
import java.util.Map;

/** The friendly error page (component {@code ~shared/error}) for a status: a heading and what the visitor can do. */
public final class ErrorViews {

    public static final String COMPONENT = "~shared/error";

    private ErrorViews() {}

    /** The error page for {@code status}. */
    public static SxView forStatus(int status) {
        String heading;
        String message;
        switch (status) {
            case 400 -> {
                heading = "Bad request";
                message = "The request could not be understood. Check the address or the form and try again.";
            }
            case 401 -> {
                heading = "Please sign in";
                message = "This page is for members. Sign in, then come back to it.";
            }
            case 403 -> {
                heading = "Not allowed";
                message = "You cannot do that here. If you were sending a form, reload the page and try again.";
            }
            case 404 -> {
                heading = "Page not found";
                message = "There is nothing at this address. It may have moved, or the link may be wrong.";
            }
            case 405 -> {
                heading = "Not allowed";
                message = "This address does not accept that kind of request.";
            }
            case 503 -> {
                heading = "Back in a moment";
                message = "The site cannot reach its database just now. Please try again in a minute.";
            }
            default -> {
                if (status >= 500) {
                    heading = "Something went wrong";
                    message = "The page could not be shown. Please try again in a moment.";
                } else {
                    Response.StatusType type = Response.Status.fromStatusCode(status);
                    heading = type == null ? "Request failed" : type.getReasonPhrase();
                    message = "The request could not be completed.";
                }
            }
        }
        return SxView.page(COMPONENT, Map.of("status", status, "heading", heading, "message", message))
                .title(heading)
                .status(status);
    }

    /** Last resort when even the SX error page cannot render: static, escaped-free markup. */
    static String plainHtml(int status) {
        Map<String, ?> args = forStatus(status).kwargs();
        // the texts above are constants of this class: nothing here comes from the request
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + args.get("heading")
                + " · Rose Ash</title></head><body><main><h1>" + args.get("heading") + "</h1><p>" + args.get("message")
                + "</p><p>Error " + status + ". <a href=\"/\">Go to the home page</a>.</p></main></body></html>";
    }
}
