package coop.roseash.market.catalogueimport;

import coop.roseash.shared.model.market.MarketPage;
import coop.roseash.shared.web.SxRedirect;
import coop.roseash.shared.web.SxView;
import coop.roseash.shared.web.access.AdminOnly;
import io.quarkus.panache.common.Sort;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The admin page of the catalogue import: start a run into a market page, and watch the current or last run (the
 * progress box reloads itself every two seconds while a run goes on, on whichever replica serves it).
 */
@AdminOnly
@Path("/admin/import")
public class CatalogueImportResource {

    static final int SKIPPED_SHOWN = 50;

    private final ImportAdminGate gate;
    private final CatalogueImporter importer;
    private final ImportRuns runs;
    private final ImportConfig config;

    CatalogueImportResource(ImportAdminGate gate, CatalogueImporter importer, ImportRuns runs, ImportConfig config) {
        this.gate = gate;
        this.importer = importer;
        this.runs = runs;
        this.config = config;
    }

    /** A market page to import into, for the form. */
    public record MarketPageChoice(long id, String title, boolean selected) {
    }

    @GET
    public SxView show(@QueryParam("started") String started) {
        gate.requireAdmin();
        return page(notice(started), null, 200);
    }

    @POST
    public Response start(@RestForm("market_page") String marketPage, @Context HttpHeaders headers) {
        gate.requireAdmin();
        if (!importer.configured()) {
            return Response.status(409).entity(page(null, "The import is not configured: set roseash.market.import.start-url.", 409)).build();
        }
        Optional<Long> pageId = marketPageId(marketPage);
        if (pageId.isEmpty()) {
            return Response.status(422).entity(page(null, "Choose the market page to import into.", 422)).build();
        }
        return switch (importer.start(pageId.get(), "admin")) {
            case BUSY -> Response.status(409).entity(page(null, "An import is running already; it must end first.", 409)).build();
            case RESUMED -> SxRedirect.to(headers, "/admin/import?started=resumed");
            default -> SxRedirect.to(headers, "/admin/import?started=new");
        };
    }

    @Transactional
    Optional<Long> marketPageId(String raw) {
        try {
            long id = Long.parseLong(raw == null ? "" : raw.strip());
            return MarketPage.<MarketPage>findByIdOptional(id).map(p -> p.id);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private SxView page(String notice, String error, int status) {
        Map<String, Object> args = new HashMap<>();
        args.put("configured", importer.configured());
        config.startUrl().ifPresent(u -> args.put("start-url", u.toString()));
        args.put("pages", marketPages());
        runs.latest(SKIPPED_SHOWN, config.staleAfter()).ifPresent(r -> args.put("run", r));
        if (notice != null) {
            args.put("notice", notice);
        }
        if (error != null) {
            args.put("error", error);
        }
        return SxView.page("~market/import/admin", args).title("Catalogue import").status(status);
    }

    @Transactional
    List<MarketPageChoice> marketPages() {
        String preferred = config.marketPage().orElse("");
        return MarketPage.<MarketPage>listAll(Sort.by("title")).stream()
                .map(p -> new MarketPageChoice(p.id, p.title, p.slug.equals(preferred))).toList();
    }

    private static String notice(String started) {
        if ("new".equals(started)) {
            return "Import started.";
        }
        return "resumed".equals(started) ? "A stalled import was taken over and goes on where it stopped." : null;
    }
}
