package coop.roseash.market.admin;

import coop.roseash.market.page.InvalidMarketInputException;
import coop.roseash.market.page.MarketPageView;
import coop.roseash.market.page.MarketPages;
import coop.roseash.market.product.ProductForm;
import coop.roseash.market.product.ProductRef;
import coop.roseash.market.product.Products;
import coop.roseash.market.web.MarketNotFoundException;
import coop.roseash.market.web.ViewArgs;
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

import java.util.Map;

/**
 * The products of a market page, for admins: create, edit, withdraw and offer again. A product is never deleted
 * (orders and likes refer to it); withdrawn, it is hidden from browsing and the cart refuses it.
 */
@AdminOnly
@Path("/admin/products")
public class ProductAdminResource {

    private final MarketAdminGate gate;
    private final MarketPages markets;
    private final Products products;

    ProductAdminResource(MarketAdminGate gate, MarketPages markets, Products products) {
        this.gate = gate;
        this.markets = markets;
        this.products = products;
    }

    /** The empty form of a new product for market page {@code market}. */
    @GET
    @Path("new")
    public SxView newProduct(@QueryParam("market") long marketId) {
        gate.requireAdmin();
        return page(market(marketId), null, ProductForm.EMPTY, Map.of(), null, 200);
    }

    @POST
    public Response create(@RestForm("market") long marketId, @RestForm("title") String title,
                           @RestForm("slug") String slug, @RestForm("brand") String brand,
                           @RestForm("category") String category, @RestForm("price") String price,
                           @RestForm("currency") String currency, @RestForm("vat") String vat,
                           @RestForm("unit") String unit, @RestForm("stock") String stock,
                           @RestForm("labels") String labels, @RestForm("images") String images,
                           @RestForm("description") String description, @Context HttpHeaders headers) {
        gate.requireAdmin();
        MarketPageView market = market(marketId);
        ProductForm form = new ProductForm(title, slug, brand, category, price, currency, vat, unit, stock, labels,
                images, description);
        try {
            ProductRef created = products.create(market.id(), form);
            return SxRedirect.to(headers, Notices.after("/admin/products/" + created.id(), "created"));
        } catch (InvalidMarketInputException e) {
            return Response.status(422).entity(page(market, null, form, e.errors(), null, 422)).build();
        }
    }

    @GET
    @Path("{id}")
    public SxView edit(@PathParam("id") long id, @QueryParam("done") String done) {
        gate.requireAdmin();
        ProductRef product = product(id);
        return page(market(product.marketPageId()), product, products.form(id).orElseThrow(), Map.of(),
                Notices.of(done), 200);
    }

    @POST
    @Path("{id}")
    public Response update(@PathParam("id") long id, @RestForm("title") String title,
                           @RestForm("slug") String slug, @RestForm("brand") String brand,
                           @RestForm("category") String category, @RestForm("price") String price,
                           @RestForm("currency") String currency, @RestForm("vat") String vat,
                           @RestForm("unit") String unit, @RestForm("stock") String stock,
                           @RestForm("labels") String labels, @RestForm("images") String images,
                           @RestForm("description") String description, @Context HttpHeaders headers) {
        gate.requireAdmin();
        ProductRef product = product(id);
        ProductForm form = new ProductForm(title, slug, brand, category, price, currency, vat, unit, stock, labels,
                images, description);
        try {
            products.update(id, form);
            return SxRedirect.to(headers, Notices.after("/admin/products/" + id, "saved"));
        } catch (InvalidMarketInputException e) {
            return Response.status(422).entity(page(market(product.marketPageId()), product, form, e.errors(), null, 422))
                    .build();
        }
    }

    @POST
    @Path("{id}/withdraw")
    public Response withdraw(@PathParam("id") long id, @Context HttpHeaders headers) {
        gate.requireAdmin();
        products.setAvailable(product(id).id(), false);
        return SxRedirect.to(headers, Notices.after("/admin/products/" + id, "withdrawn"));
    }

    @POST
    @Path("{id}/offer")
    public Response offer(@PathParam("id") long id, @Context HttpHeaders headers) {
        gate.requireAdmin();
        products.setAvailable(product(id).id(), true);
        return SxRedirect.to(headers, Notices.after("/admin/products/" + id, "offered"));
    }

    private MarketPageView market(long id) {
        return markets.byId(id).orElseThrow(() -> new MarketNotFoundException("market page " + id));
    }

    private ProductRef product(long id) {
        return products.byId(id).orElseThrow(() -> new MarketNotFoundException("product " + id));
    }

    private SxView page(MarketPageView market, ProductRef product, ProductForm form, Map<String, String> errors,
                        String notice, int status) {
        return SxView.page("~market/admin/product", ViewArgs.of()
                        .with("market", market)
                        .with("product", product)
                        .with("fields", form)
                        .with("errors", errors)
                        .with("notice", notice)
                        .with("action", product == null ? "/admin/products" : "/admin/products/" + product.id())
                        .with("public-href", product == null ? null : market.href() + "p/" + product.slug())
                        .map())
                .title(product == null ? "New product · " + market.title() : "Edit: " + product.title())
                .status(status);
    }
}
