package coop.roseash.market.catalogueimport;

import coop.roseash.devinfra.PlatformTestResource;
import coop.roseash.market.catalogueimport.CatalogueImporter.Started;
import coop.roseash.market.catalogueimport.ImportRuns.Begun;
import coop.roseash.market.catalogueimport.ImportRuns.Claim;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** A run survives the death of its process, and only one run goes on at a time, across replicas. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
@WithTestResource(CatalogueSite.class)
class ImportResumeTest extends ImportTestBase {

    @AfterEach
    void stopWorker() throws InterruptedException {
        CatalogueSite.reset();  // releases anything held
        importer.halt();
        db.clear();
    }

    @Test
    void killedHalfwayTheRunIsTakenOverOnceStaleAndGoesOnFromItsFrontier() throws Exception {
        // the crawl is breadth first (index, categories, products): hold it at the 12th of 15 product pages, after
        // 7 products and the 4 broken pages
        String holdAt = "/product/apple-juice";
        CountDownLatch reached = CatalogueSite.hold(holdAt);
        assertThat(importer.start(shop, "admin")).isEqualTo(Started.STARTED);
        assertThat(reached.await(30, TimeUnit.SECONDS)).isTrue();

        // the process dies mid-request: nothing finishes, nothing is cleaned up
        importer.halt();
        ImportRunView halted = latestRun();
        assertThat(halted.state()).isEqualTo("running");
        assertThat(db.codes()).hasSize(7).doesNotContain("DR-APJ-1L");
        Set<String> doneBefore = CatalogueSite.hits().stream().map(CatalogueSite.Hit::path)
                .filter(p -> !p.equals(holdAt)).collect(Collectors.toSet());
        assertThat(doneBefore).hasSize(16);  // index, 4 category pages, 7 products, 4 skipped pages

        // its heartbeat is fresh: a new process (this one, renamed by halt) must not take it over yet
        assertThat(importer.start(shop, "admin")).isEqualTo(Started.BUSY);
        assertThat(importer.resumeStalled()).contains(Started.BUSY);

        // once stale, it is taken over and goes on where it stopped
        CatalogueSite.release(holdAt);
        CatalogueSite.clearHits();
        db.sql("UPDATE catalogue_import_runs SET heartbeat_at = now() - interval '10 minutes' WHERE id = ?1", halted.id());
        assertThat(importer.start(shop, "admin")).isEqualTo(Started.RESUMED);
        importer.working().orElseThrow().get(60, TimeUnit.SECONDS);

        ImportRunView done = latestRun();
        assertThat(done.id()).isEqualTo(halted.id());
        assertThat(done.state()).isEqualTo("finished");
        assertThat(db.codes()).containsExactlyElementsOf(CODES);
        assertThat(List.of(done.created(), done.updated(), done.unchanged(), done.pagesVisited(), done.pagesSkipped()))
                .containsExactly(11, 0, 0, 16, 4);
        // pages done before the crash were not fetched again; the one in flight was
        List<String> after = CatalogueSite.hits().stream().map(CatalogueSite.Hit::path).toList();
        assertThat(after).doesNotContainAnyElementsOf(doneBefore).containsExactlyInAnyOrder(holdAt, "/product/oat-drink", "/product/raisins", "/product/prunes");
    }

    @Test
    void twoReplicasStartingAtOnceMakeOneRun() throws Exception {
        String start = CatalogueSite.baseUrl() + "/catalogue/";
        for (int round = 0; round < 5; round++) {
            CyclicBarrier together = new CyclicBarrier(2);
            CompletableFuture<Claim> a = CompletableFuture.supplyAsync(() -> begin(together, start, "replica-a"));
            CompletableFuture<Claim> b = CompletableFuture.supplyAsync(() -> begin(together, start, "replica-b"));
            List<Claim> claims = List.of(a.get(30, TimeUnit.SECONDS), b.get(30, TimeUnit.SECONDS));
            assertThat(claims).extracting(Claim::how).containsExactlyInAnyOrder(Begun.STARTED, Begun.BUSY);
            assertThat(claims.get(0).runId()).isEqualTo(claims.get(1).runId());
            assertThat(((Number) db.value("SELECT count(*) FROM catalogue_import_runs WHERE state = 'running'")).intValue())
                    .isEqualTo(1);
            db.sql("UPDATE catalogue_import_runs SET state = 'finished', finished_at = now() WHERE state = 'running'");
        }
        assertThat(((Number) db.value("SELECT count(*) FROM catalogue_import_runs")).intValue()).isEqualTo(5);
    }

    @Test
    void aSecondStartInTheSameProcessWhileOneRunsIsBusy() throws Exception {
        CountDownLatch reached = CatalogueSite.hold("/catalogue/");
        assertThat(importer.start(shop, "admin")).isEqualTo(Started.STARTED);
        assertThat(reached.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(importer.start(shop, "schedule")).isEqualTo(Started.BUSY);
        CatalogueSite.release("/catalogue/");
        importer.working().orElseThrow().get(60, TimeUnit.SECONDS);
        assertThat(((Number) db.value("SELECT count(*) FROM catalogue_import_runs")).intValue()).isEqualTo(1);
    }

    private Claim begin(CyclicBarrier together, String start, String replica) {
        try {
            together.await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return runs.begin(shop, start, "admin", replica, Duration.ofMinutes(2));
    }
}
