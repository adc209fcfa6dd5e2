package coop.roseash.market.catalogueimport;

import coop.roseash.market.catalogueimport.ImportRuns.Begun;
import coop.roseash.market.catalogueimport.ImportRuns.Claim;
import coop.roseash.market.catalogueimport.ImportRuns.LostRun;
import coop.roseash.market.catalogueimport.ImportRuns.Pending;
import coop.roseash.shared.model.market.MarketPage;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.jsoup.nodes.Document;

import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Runs the catalogue import: on demand (the admin page), on a schedule ({@code roseash.market.import.cron}), and
 * whenever a run left behind by a dead process is found ({@code resume-check}). The work happens on one background
 * thread per process, one page at a time: fetch ({@link CatalogueFetcher}), parse ({@link CataloguePageParser}),
 * then record the page and what it yielded in one transaction ({@link ImportRuns}). A page that cannot be read is
 * skipped with its reason; nothing about one page stops the run.
 */
@ApplicationScoped
public class CatalogueImporter {

    private static final Logger LOG = Logger.getLogger(CatalogueImporter.class);

    /** Whether a start did anything. */
    public enum Started { STARTED, RESUMED, BUSY, NOT_CONFIGURED }

    private final ImportConfig config;
    private final ImportRuns runs;
    private final CatalogueFetcher fetcher;
    private final CataloguePageParser parser;
    private final ProductMerge merge;
    private ExecutorService worker = newWorker();
    /** This process's name on the runs it works; a new one after {@link #halt()}, as after a restart. */
    private volatile String owner = newOwner();
    private Future<?> working;

    CatalogueImporter(ImportConfig config, ImportRuns runs, CatalogueFetcher fetcher, CataloguePageParser parser,
                      ProductMerge merge) {
        this.config = config;
        this.runs = runs;
        this.fetcher = fetcher;
        this.parser = parser;
        this.merge = merge;
    }

    public boolean configured() {
        return config.startUrl().isPresent();
    }

    /** Starts an import into the market page, or takes over a stalled one; BUSY while a live run exists anywhere. */
    public synchronized Started start(long marketPageId, String trigger) {
        if (!configured()) {
            return Started.NOT_CONFIGURED;
        }
        if (busyHere()) {
            return Started.BUSY;
        }
        Claim claim = runs.begin(marketPageId, config.startUrl().orElseThrow().toString(), trigger, owner,
                config.staleAfter());
        return work(claim);
    }

    /** Takes over a run whose process died (its heartbeat is older than {@code stale-after}), if there is one. */
    public synchronized Optional<Started> resumeStalled() {
        if (busyHere()) {
            return Optional.empty();
        }
        return runs.takeOver(owner, config.staleAfter()).map(this::work);
    }

    /** The scheduled run, into the configured market page. */
    @Scheduled(identity = "catalogue-import", cron = "${roseash.market.import.cron:off}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        Optional<Long> page = config.marketPage().flatMap(slug -> QuarkusTransaction.requiringNew().call(() ->
                MarketPage.<MarketPage>find("slug", slug).firstResultOptional().map(p -> p.id)));
        if (page.isEmpty()) {
            LOG.warnf("Scheduled catalogue import skipped: roseash.market.import.market-page names no market page (%s)",
                    config.marketPage().orElse("unset"));
            return;
        }
        LOG.infof("Scheduled catalogue import: %s", start(page.get(), "schedule"));
    }

    @Scheduled(identity = "catalogue-import-resume", every = "${roseash.market.import.resume-check:1m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onResumeCheck() {
        resumeStalled().ifPresent(s -> LOG.infof("Catalogue import: took over a stalled run (%s)", s));
    }

    /**
     * Stops this process's worker where it is, without finishing anything, as a crash or a shutdown would: the run
     * stays {@code running} and its heartbeat stops, so it is taken over once stale. Afterwards this process works
     * under a new name, like a restarted one.
     */
    public synchronized void halt() throws InterruptedException {
        worker.shutdownNow();
        if (!worker.awaitTermination(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the catalogue import worker did not stop");
        }
        worker = newWorker();
        owner = newOwner();
        working = null;
    }

    /** The current run's task in this process, if any (tests wait on it). */
    public synchronized Optional<Future<?>> working() {
        return Optional.ofNullable(working);
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }

    private Started work(Claim claim) {
        if (claim.how() == Begun.BUSY) {
            return Started.BUSY;
        }
        String me = owner;
        working = worker.submit(() -> crawl(claim.runId(), me));
        return claim.how() == Begun.STARTED ? Started.STARTED : Started.RESUMED;
    }

    private boolean busyHere() {
        return working != null && !working.isDone();
    }

    private void crawl(long runId, String me) {
        LOG.infof("Catalogue import run %d: working", runId);
        try {
            while (!Thread.currentThread().isInterrupted()) {
                if (runs.pagesSeen(runId) >= config.maxPages()) {
                    runs.finish(runId, me, true);
                    LOG.warnf("Catalogue import run %d: stopped at %d pages", runId, config.maxPages());
                    return;
                }
                Optional<Pending> next = runs.next(runId, me);
                if (next.isEmpty()) {
                    runs.finish(runId, me, false);
                    LOG.infof("Catalogue import run %d: finished", runId);
                    return;
                }
                visit(runId, me, next.get());
            }
            LOG.infof("Catalogue import run %d: interrupted; it resumes when taken over", runId);
        } catch (InterruptedException e) {
            LOG.infof("Catalogue import run %d: interrupted; it resumes when taken over", runId);
        } catch (LostRun e) {
            LOG.warnf("Catalogue import run %d: another process took it over; this worker stops", runId);
        } catch (RuntimeException e) {
            // the database is gone or worse: the run stays running and is taken over once its heartbeat is stale
            LOG.errorf(e, "Catalogue import run %d: stopped; it resumes when taken over", runId);
        }
    }

    private void visit(long runId, String me, Pending page) throws InterruptedException {
        try {
            Document doc = fetcher.get(page.url());
            switch (page.kind()) {
                case "index" -> runs.indexDone(runId, me, page, parser.index(doc));
                case "category" -> runs.categoryDone(runId, me, page, parser.category(doc, page.category()));
                default -> runs.productDone(runId, me, page, parser.product(doc), merge);
            }
        } catch (PageSkipped e) {
            skip(runId, me, page, e.getMessage());
        } catch (LostRun e) {
            throw e;
        } catch (RuntimeException e) {
            // a product the database refuses (a constraint): that page is skipped, the run goes on
            LOG.warnf(e, "Catalogue import run %d: could not store %s", runId, page.url());
            skip(runId, me, page, "could not be stored: " + e.getClass().getSimpleName());
        }
    }

    private void skip(long runId, String me, Pending page, String reason) {
        LOG.warnf("Catalogue import run %d: skipped %s: %s", runId, page.url(), reason);
        runs.skip(runId, me, page, reason);
    }

    private static ExecutorService newWorker() {
        return Executors.newSingleThreadExecutor(r -> new Thread(r, "catalogue-import"));
    }

    private static String newOwner() {
        return ProcessHandle.current().pid() + "-" + UUID.randomUUID();
    }
}
