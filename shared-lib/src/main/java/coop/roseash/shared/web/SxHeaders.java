package coop.roseash.shared.web;

/** Header names and media types of the server ⇄ sx.js protocol (sx-kernel/PROTOCOL.md). */
public final class SxHeaders {
    public static final String SX_REQUEST = "SX-Request";
    public static final String SX_COMPONENTS_HASH = "SX-Components-Hash";
    public static final String SX_REDIRECT = "SX-Redirect";
    public static final String CSRF_HEADER = "X-CSRF-Token";
    public static final String TEXT_SX = "text/sx; charset=utf-8";
    public static final String TEXT_HTML = "text/html; charset=utf-8";

    private SxHeaders() {}
}
