package coop.roseash.market.catalogueimport;

import coop.roseash.market.catalogueimport.CataloguePageParser.CategoryLink;
import coop.roseash.market.catalogueimport.CataloguePageParser.CategoryPage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The import's runs and frontiers in PostgreSQL ({@code catalogue_import_runs}, {@code catalogue_import_urls}; V35).
 * Every step is one transaction that also checks the run is still this worker's ({@code owner}) and beats its
 * heartbeat: a page's products, its new links, its state and the run's counters commit together, so a process that
 * dies between two steps leaves a frontier that is exactly right for whoever takes the run over.
 *
 * <p>One run at a time across replicas: starting takes a transaction-scoped advisory lock, so concurrent starts
 * queue and the later ones see the running run; a partial unique index ({@code state = 'running'}) holds the line
 * even against code that forgets the lock.
 */
@ApplicationScoped
public class ImportRuns {

    /** {@code pg_advisory_xact_lock} key of "starting a catalogue import" (arbitrary, unique in the platform). */
    static final long START_LOCK = 0x6361745f696d70L;

    /** How a start went: a new run, a stale run taken over, or another worker's live run. */
    public enum Begun { STARTED, RESUMED, BUSY }

    public record Claim(Begun how, long runId) {
    }

    /** A URL of the frontier to visit. */
    public record Pending(long id, String url, String kind, String category) {
    }

    /** The run is no longer this worker's (taken over after a stall): it must stop without writing. */
    public static class LostRun extends RuntimeException {
        LostRun(long runId) {
            super("catalogue import run " + runId + " is no longer this worker's", null, false, false);
        }
    }

    private final EntityManager em;

    ImportRuns(EntityManager em) {
        this.em = em;
    }

    /** Starts a run for the market page, or takes over the running one if its heartbeat is stale, or says busy. */
    @Transactional
    public Claim begin(long marketPageId, String startUrl, String trigger, String owner, Duration staleAfter) {
        em.createNativeQuery("SELECT pg_advisory_xact_lock(?1)").setParameter(1, START_LOCK).getSingleResult();
        Optional<Claim> running = takeOver(owner, staleAfter);
        if (running.isPresent()) {
            return running.get();
        }
        long runId = ((Number) em.createNativeQuery("INSERT INTO catalogue_import_runs (market_page_id, start_url, "
                        + "state, trigger, owner) VALUES (?1, ?2, 'running', ?3, ?4) RETURNING id")
                .setParameter(1, marketPageId).setParameter(2, startUrl).setParameter(3, trigger).setParameter(4, owner)
                .getSingleResult()).longValue();
        em.createNativeQuery("INSERT INTO catalogue_import_urls (run_id, url, kind) VALUES (?1, ?2, 'index')")
                .setParameter(1, runId).setParameter(2, startUrl).executeUpdate();
        return new Claim(Begun.STARTED, runId);
    }

    /** Takes over the running run when its heartbeat is stale (or it is already this owner's); empty when none runs. */
    @Transactional
    public Optional<Claim> takeOver(String owner, Duration staleAfter) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT id, owner = ?1 OR heartbeat_at < now() - CAST(?2 AS double "
                        + "precision) * interval '1 millisecond' FROM catalogue_import_runs WHERE state = 'running' FOR UPDATE")
                .setParameter(1, owner).setParameter(2, staleAfter.toMillis()).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        long runId = ((Number) rows.get(0)[0]).longValue();
        if (!(Boolean) rows.get(0)[1]) {
            return Optional.of(new Claim(Begun.BUSY, runId));
        }
        em.createNativeQuery("UPDATE catalogue_import_runs SET owner = ?2, heartbeat_at = now() WHERE id = ?1")
                .setParameter(1, runId).setParameter(2, owner).executeUpdate();
        return Optional.of(new Claim(Begun.RESUMED, runId));
    }

    /** The next pending URL (oldest first: breadth first), beating the heartbeat; empty when the frontier is done. */
    @Transactional
    public Optional<Pending> next(long runId, String owner) {
        heartbeat(runId, owner);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT id, url, kind, category FROM catalogue_import_urls "
                        + "WHERE run_id = ?1 AND state = 'pending' ORDER BY id LIMIT 1")
                .setParameter(1, runId).getResultList();
        return rows.stream().findFirst().map(r -> new Pending(((Number) r[0]).longValue(), (String) r[1],
                (String) r[2], (String) r[3]));
    }

    /** Pages visited and skipped so far. */
    @Transactional
    public int pagesSeen(long runId) {
        return ((Number) em.createNativeQuery("SELECT pages_visited + pages_skipped FROM catalogue_import_runs WHERE id = ?1")
                .setParameter(1, runId).getSingleResult()).intValue();
    }

    @Transactional
    public void skip(long runId, String owner, Pending page, String reason) {
        count(runId, owner, "pages_skipped");
        em.createNativeQuery("UPDATE catalogue_import_urls SET state = 'skipped', reason = ?2, visited_at = now() "
                + "WHERE id = ?1").setParameter(1, page.id()).setParameter(2, reason).executeUpdate();
    }

    @Transactional
    public void indexDone(long runId, String owner, Pending page, List<CategoryLink> categories) {
        count(runId, owner, "pages_visited");
        for (CategoryLink c : categories) {
            enqueue(runId, c.url(), "category", c.name());
        }
        done(page, null);
    }

    @Transactional
    public void categoryDone(long runId, String owner, Pending page, CategoryPage category) {
        count(runId, owner, "pages_visited");
        for (String product : category.productUrls()) {
            enqueue(runId, product, "product", category.name());
        }
        category.nextPage().ifPresent(next -> enqueue(runId, next, "category", category.name()));
        done(page, null);
    }

    /** Merges the product and records the page, in one transaction. */
    @Transactional
    public ProductMerge.Outcome productDone(long runId, String owner, Pending page, ScrapedProduct product,
                                            ProductMerge merge) {
        count(runId, owner, "pages_visited");
        long marketPageId = ((Number) em.createNativeQuery("SELECT market_page_id FROM catalogue_import_runs WHERE id = ?1")
                .setParameter(1, runId).getSingleResult()).longValue();
        ProductMerge.Outcome outcome = merge.merge(product, marketPageId, page.category());
        count(runId, owner, switch (outcome) {
            case CREATED -> "products_created";
            case UPDATED -> "products_updated";
            case UNCHANGED -> "products_unchanged";
        });
        done(page, product.code());
        return outcome;
    }

    /**
     * Ends the run. When every index and category page was read, the market page's imported products that no
     * product page of this run named (and whose own page was not merely skipped) have vanished: they become
     * unavailable, never deleted. After an incomplete crawl nothing is marked, since a missing category is not
     * a vanished catalogue.
     */
    @Transactional
    public void finish(long runId, String owner, boolean stoppedEarly) {
        heartbeat(runId, owner);
        long skippedListings = ((Number) em.createNativeQuery("SELECT count(*) FROM catalogue_import_urls WHERE run_id = ?1 "
                + "AND kind <> 'product' AND state = 'skipped'").setParameter(1, runId).getSingleResult()).longValue();
        String message = null;
        int vanished = 0;
        if (stoppedEarly) {
            message = "Stopped at the page limit (roseash.market.import.max-pages); no product was marked unavailable.";
        } else if (skippedListings > 0) {
            message = skippedListings + " index or category page(s) could not be read; no product was marked unavailable.";
        } else {
            vanished = em.createNativeQuery("""
                    WITH gone AS (
                        UPDATE products p SET available = false, updated_at = now()
                        FROM catalogue_import_runs r
                        WHERE r.id = ?1 AND p.market_page_id = r.market_page_id AND p.external_id IS NOT NULL
                          AND p.available
                          AND NOT EXISTS (SELECT 1 FROM catalogue_import_urls u WHERE u.run_id = ?1
                                          AND u.product_code = p.external_id)
                          AND NOT EXISTS (SELECT 1 FROM catalogue_import_urls u WHERE u.run_id = ?1
                                          AND u.kind = 'product' AND u.state = 'skipped' AND u.url = p.source_url)
                        RETURNING p.id)
                    INSERT INTO catalogue_vanished_products (product_id, run_id) SELECT id, ?1 FROM gone
                    ON CONFLICT (product_id) DO NOTHING""").setParameter(1, runId).executeUpdate();
        }
        em.createNativeQuery("UPDATE catalogue_import_runs SET state = 'finished', finished_at = now(), "
                        + "products_unavailable = ?2, message = CAST(?3 AS text) WHERE id = ?1")
                .setParameter(1, runId).setParameter(2, vanished).setParameter(3, message).executeUpdate();
    }

    /** The newest run, for the admin page (any replica shows it: it is all in the database). */
    @Transactional
    public Optional<ImportRunView> latest(int skippedShown, Duration staleAfter) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT r.id, r.state, r.trigger, m.title, r.start_url, to_char(r.started_at, 'YYYY-MM-DD HH24:MI:SS TZ'),
                       to_char(r.finished_at, 'YYYY-MM-DD HH24:MI:SS TZ'), r.pages_visited, r.pages_skipped,
                       (SELECT count(*) FROM catalogue_import_urls u WHERE u.run_id = r.id AND u.state = 'pending'),
                       r.products_created, r.products_updated, r.products_unchanged, r.products_unavailable, r.message,
                       r.heartbeat_at < now() - CAST(?1 AS double precision) * interval '1 millisecond'
                FROM catalogue_import_runs r JOIN market_pages m ON m.id = r.market_page_id
                ORDER BY r.id DESC LIMIT 1""").setParameter(1, staleAfter.toMillis()).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] r = rows.get(0);
        long runId = ((Number) r[0]).longValue();
        @SuppressWarnings("unchecked")
        List<Object[]> skipped = em.createNativeQuery("SELECT url, reason FROM catalogue_import_urls WHERE run_id = ?1 "
                + "AND state = 'skipped' ORDER BY visited_at, id LIMIT ?2").setParameter(1, runId)
                .setParameter(2, skippedShown).getResultList();
        return Optional.of(new ImportRunView(runId, (String) r[1], (String) r[2], (String) r[3], (String) r[4],
                (String) r[5], (String) r[6], n(r[7]), n(r[8]), n(r[9]), n(r[10]), n(r[11]), n(r[12]), n(r[13]),
                (String) r[14], "running".equals(r[1]) && (Boolean) r[15],
                skipped.stream().map(s -> new ImportRunView.SkippedPage((String) s[0], (String) s[1])).toList()));
    }

    private static int n(Object o) {
        return ((Number) o).intValue();
    }

    private void heartbeat(long runId, String owner) {
        if (em.createNativeQuery("UPDATE catalogue_import_runs SET heartbeat_at = now() WHERE id = ?1 AND owner = ?2 "
                + "AND state = 'running'").setParameter(1, runId).setParameter(2, owner).executeUpdate() == 0) {
            throw new LostRun(runId);
        }
    }

    /** Adds one to a counter (a fixed column name, never input), beating the heartbeat and checking ownership. */
    private void count(long runId, String owner, String column) {
        if (em.createNativeQuery("UPDATE catalogue_import_runs SET " + column + " = " + column + " + 1, heartbeat_at = "
                + "now() WHERE id = ?1 AND owner = ?2 AND state = 'running'").setParameter(1, runId)
                .setParameter(2, owner).executeUpdate() == 0) {
            throw new LostRun(runId);
        }
    }

    private void enqueue(long runId, String url, String kind, String category) {
        em.createNativeQuery("INSERT INTO catalogue_import_urls (run_id, url, kind, category) VALUES (?1, ?2, ?3, ?4) "
                        + "ON CONFLICT (run_id, url) DO NOTHING")
                .setParameter(1, runId).setParameter(2, url).setParameter(3, kind).setParameter(4, category).executeUpdate();
    }

    private void done(Pending page, String productCode) {
        em.createNativeQuery("UPDATE catalogue_import_urls SET state = 'done', product_code = ?2, visited_at = now() "
                + "WHERE id = ?1").setParameter(1, page.id()).setParameter(2, productCode).executeUpdate();
    }
}
