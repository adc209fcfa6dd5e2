package coop.roseash.shared.web;

import java.util.Map;

/** A rendered SX response: status, content type, body and the extra headers the render asked for. */
public record RenderedResponse(int status, String contentType, String body, Map<String, String> headers) {}
