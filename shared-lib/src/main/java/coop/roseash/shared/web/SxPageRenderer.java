package coop.roseash.shared.web;

import coop.roseash.shared.config.RoseAshConfig;
import coop.roseash.shared.fragments.FragmentsConfig;
import coop.roseash.sx.SxEngine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Renders SX content for a request: the full HTML page in the shared layout (with the site header fetched while the
 * content renders), or the {@code text/sx} wire form, with missing component definitions sent ahead, for sx.js.
 */
@ApplicationScoped
public class SxPageRenderer {

    /** The one page layout every service uses (shared-lib {@code sx/shared/layout.sx}). */
    public static final String LAYOUT = "~shared/page";
    static final String SITE_NAME = "Rose Ash";
    // the fragments client applies its own per-fragment timeout; this only bounds a misbehaving source
    private static final long HEADER_GRACE_MS = 500;
    private static final Logger LOG = Logger.getLogger(SxPageRenderer.class);

    private final SxEngine engine;
    private final SiteHeaderSource headerSource;
    private final RoseAshConfig config;
    private final FragmentsConfig fragments;
    private final Instance<PageHeadLinks> everyPageLinks;
    /** The escaped definitions block, kept until the components change: escaping it was a tenth of a page's CPU. */
    private volatile EscapedDefinitions escaped;

    private record EscapedDefinitions(String hash, String block) {}

    SxPageRenderer(SxEngine engine, SiteHeaderSource headerSource, RoseAshConfig config, FragmentsConfig fragments,
                   Instance<PageHeadLinks> everyPageLinks) {
        this.everyPageLinks = everyPageLinks;
        this.engine = engine;
        this.headerSource = headerSource;
        this.config = config;
        this.fragments = fragments;
    }

    /** Renders a view for the request: full page, or text/sx for an engine request. */
    public RenderedResponse render(SxView view, SxRequestContext request) {
        if (request.engineRequest()) {
            return wire(request, view.status(), () -> engine.aserComponent(view.component(), view.kwargs(), request));
        }
        return page(view.title(), view.canonicalUrl(), view.headMeta(), view.headLinks(), request, view.status(),
                () -> engine.renderComponent(view.component(), view.kwargs(), request));
    }

    /** Renders wire-form content produced by {@code content} (a defhandler's result, for example). */
    public RenderedResponse wire(SxRequestContext request, int status, Supplier<String> content) {
        String body = content.get();
        Map<String, String> headers = new LinkedHashMap<>(request.responseHeaders());
        String hash = engine.componentsHash();
        if (!hash.equals(request.header(SxHeaders.SX_COMPONENTS_HASH))) {
            body = engine.clientComponentDefinitions() + "\n" + body;
            headers.put(SxHeaders.SX_COMPONENTS_HASH, hash);
        }
        return new RenderedResponse(request.responseStatus(status), SxHeaders.TEXT_SX, body, headers);
    }

    /** Renders HTML produced by {@code content} inside the shared layout. */
    public RenderedResponse page(String title, SxRequestContext request, int status, Supplier<String> content) {
        return page(title, null, List.of(), List.of(), request, status, content);
    }

    /** As {@link #page(String, SxRequestContext, int, Supplier)}, with a canonical URL and head meta tags. */
    public RenderedResponse page(String title, String canonical, List<HeadMeta> meta, List<HeadLink> links,
                                 SxRequestContext request, int status, Supplier<String> content) {
        CompletableFuture<SiteHeader> header = startSiteHeader(request);
        String contentHtml = content.get();
        SiteHeader siteHeader = await(header);

        Map<String, Object> args = new HashMap<>();
        args.put("page-title", title == null || title.isBlank() ? SITE_NAME : title + " · " + SITE_NAME);
        args.put("service", config.service().name());
        args.put("csrf", request.csrfToken());
        args.put("components", escapedDefinitions());
        args.put("components-hash", engine.componentsHash());
        args.put("nav-html", siteHeader.navTreeHtml());
        args.put("auth-html", siteHeader.authMenuHtml());
        args.put("cart-html", siteHeader.cartMiniHtml());
        args.put("content-html", contentHtml);
        args.put("canonical", canonical);
        args.put("head-meta", meta);
        args.put("head-links", headLinks(links));
        String html = "<!DOCTYPE html>\n" + engine.renderComponent(LAYOUT, args, request);
        return new RenderedResponse(request.responseStatus(status), SxHeaders.TEXT_HTML, html, request.responseHeaders());
    }

    /** Starts loading the site header for the request's visitor (once per request), so it loads beside the data. */
    public CompletableFuture<SiteHeader> startSiteHeader(SxRequestContext request) {
        return request.siteHeader(() -> {
            Visitor visitor = request.visitor();
            return headerSource.load(visitor.userId(), visitor.deviceId()).toCompletableFuture();
        });
    }

    private List<HeadLink> headLinks(List<HeadLink> pageLinks) {
        if (everyPageLinks.isUnsatisfied()) {
            return pageLinks;
        }
        List<HeadLink> all = new ArrayList<>();
        everyPageLinks.forEach(source -> all.addAll(source.onEveryPage()));
        all.addAll(pageLinks);
        return all;
    }

    private String escapedDefinitions() {
        // the hash is read first: definitions newer than it are cached under the old hash and replaced next time
        String hash = engine.componentsHash();
        EscapedDefinitions current = escaped;
        if (current == null || !current.hash().equals(hash)) {
            current = new EscapedDefinitions(hash, ComponentDefinitionsBlock.escape(engine.clientComponentDefinitions()));
            escaped = current;
        }
        return current.block();
    }

    private SiteHeader await(CompletableFuture<SiteHeader> header) {
        try {
            SiteHeader loaded = header.get(fragments.timeoutMs() + HEADER_GRACE_MS, TimeUnit.MILLISECONDS);
            return loaded == null ? SiteHeader.EMPTY : loaded;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return SiteHeader.EMPTY;
        } catch (ExecutionException | TimeoutException e) {
            // a page never breaks because a header provider did
            LOG.warnf("site header unavailable, rendering without it: %s", e.toString());
            return SiteHeader.EMPTY;
        }
    }
}
