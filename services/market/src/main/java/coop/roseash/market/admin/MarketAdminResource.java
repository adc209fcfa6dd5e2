package coop.roseash.market.admin;

import coop.roseash.market.page.InvalidMarketInputException;
import coop.roseash.market.page.MarketPageForm;
import coop.roseash.market.page.MarketPageView;
import coop.roseash.market.page.MarketPages;
import coop.roseash.market.product.ProductRow;
import coop.roseash.market.product.Products;
import coop.roseash.market.web.MarketNotFoundException;
import coop.roseash.market.web.Pager;
import coop.roseash.market.web.ViewArgs;
import coop.roseash.shared.config.ServiceUrls;
import coop.roseash.shared.contracts.blog.PageRef;
import coop.roseash.shared.web.SxRedirect;
import coop.roseash.shared.web.SxView;
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

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The market's admin: its market pages (create one for a blog page whose settings turn the market on, rename it,
 * move it) and, per market page, its products.
 */
@AdminOnly
@Path("/admin")
public class MarketAdminResource {

    private final MarketAdminGate gate;
    private final MarketPages markets;
    private final Products products;
    private final ServiceUrls urls;

    MarketAdminResource(MarketAdminGate gate, MarketPages markets, Products products, ServiceUrls urls) {
        this.gate = gate;
        this.markets = markets;
        this.products = products;
        this.urls = urls;
    }

    @GET
    public SxView markets(@QueryParam("page") String page, @QueryParam("done") String done) {
        gate.requireAdmin();
        MarketPageForm form = new MarketPageForm(page == null ? "" : page.strip(), "", "", "");
        return marketsPage(form, Map.of(), Notices.of(done), 200);
    }

    @POST
    @Path("markets")
    public Response create(@RestForm("page") String page, @RestForm("title") String title,
                           @RestForm("slug") String slug, @RestForm("description") String description,
                           @Context HttpHeaders headers) {
        gate.requireAdmin();
        MarketPageForm form = new MarketPageForm(page, title, slug, description);
        try {
            MarketPageView market = markets.create(form);
            return SxRedirect.to(headers, Notices.after("/admin/markets/" + market.id(), "created"));
        } catch (InvalidMarketInputException e) {
            return Response.status(422).entity(marketsPage(form, e.errors(), null, 422)).build();
        }
    }

    @GET
    @Path("markets/{id}")
    public SxView market(@PathParam("id") long id, @QueryParam("q") String q, @QueryParam("page") String page,
                         @QueryParam("done") String done) {
        gate.requireAdmin();
        MarketPageView market = markets.byId(id).orElseThrow(() -> new MarketNotFoundException("market page " + id));
        MarketPageForm form = new MarketPageForm("", market.title(), market.slug(),
                market.description() == null ? "" : market.description());
        return marketPage(market, form, Map.of(), Notices.of(done), q, page, 200);
    }

    @POST
    @Path("markets/{id}")
    public Response update(@PathParam("id") long id, @RestForm("title") String title, @RestForm("slug") String slug,
                           @RestForm("description") String description, @Context HttpHeaders headers) {
        gate.requireAdmin();
        MarketPageView market = markets.byId(id).orElseThrow(() -> new MarketNotFoundException("market page " + id));
        MarketPageForm form = new MarketPageForm("", title, slug, description);
        try {
            markets.update(id, form);
            return SxRedirect.to(headers, Notices.after("/admin/markets/" + id, "saved"));
        } catch (InvalidMarketInputException e) {
            return Response.status(422).entity(marketPage(market, form, e.errors(), null, null, null, 422)).build();
        }
    }

    private SxView marketsPage(MarketPageForm form, Map<String, String> errors, String notice, int status) {
        List<MarketRow> rows = markets.all().stream().map(m -> {
            Optional<PageRef> page = markets.container(m);
            return new MarketRow(m, products.count(m.id()),
                    page.map(PageRef::title).orElse("(blog page " + m.containerId() + " is gone)"),
                    settingsHref(m), "/admin/markets/" + m.id());
        }).toList();
        return SxView.page("~market/admin/markets", ViewArgs.of()
                .with("markets", rows).with("fields", form).with("errors", errors).with("notice", notice).map())
                .title("Market admin").status(status);
    }

    private SxView marketPage(MarketPageView market, MarketPageForm form, Map<String, String> errors, String notice,
                              String q, String page, int status) {
        int pageNumber = page != null && page.strip().matches("\\d{1,5}") ? Math.max(1, Integer.parseInt(page.strip())) : 1;
        String query = q == null ? "" : q.strip();
        List<ProductRow> rows = products.adminList(market, query, pageNumber);
        long total = products.count(market.id());
        String base = "/admin/markets/" + market.id() + (query.isEmpty() ? "?" : "?q="
                + URLEncoder.encode(query, StandardCharsets.UTF_8) + "&");
        return SxView.page("~market/admin/market", ViewArgs.of()
                        .with("market", market)
                        .with("fields", form)
                        .with("errors", errors)
                        .with("notice", notice)
                        .with("products", rows)
                        .with("total", total)
                        .with("q", query)
                        .with("pager", new Pager(pageNumber, null, pageNumber > 1 ? base + "page=" + (pageNumber - 1) : null,
                                rows.size() == Products.ADMIN_PAGE_SIZE ? base + "page=" + (pageNumber + 1) : null))
                        .with("settings-href", settingsHref(market))
                        .with("container", markets.container(market).map(PageRef::title).orElse(null))
                        .map())
                .title("Market admin: " + market.title()).status(status);
    }

    private String settingsHref(MarketPageView market) {
        return urls.publicUrl("blog") + "/admin/posts/" + market.containerId() + "/settings";
    }
}
