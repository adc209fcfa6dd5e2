package coop.roseash.shared.web;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/** A rendered SX response: status, content type, body and the extra headers the render asked for. */
public record RenderedResponse(int status, String contentType, String body, Map<String, String> headers) {

    /** As a JAX-RS response, with {@code Vary: SX-Request} (the same URL answers HTML or text/sx). */
    public Response toResponse() {
        Response.ResponseBuilder response = Response.status(status).type(contentType).entity(body);
        headers.forEach(response::header);
        return response.header(HttpHeaders.VARY, SxHeaders.SX_REQUEST).build();
    }
}
