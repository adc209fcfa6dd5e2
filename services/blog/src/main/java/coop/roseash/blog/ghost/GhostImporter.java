package coop.roseash.blog.ghost;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import coop.roseash.shared.services.blog.ImportService;
import coop.roseash.shared.services.blog.ImportService.Outcome;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * Imports a Ghost site (tags, authors, posts, pages) through the Content API, in the background, one at a time,
 * reporting progress as it goes. Re-running it is safe: items are matched by their Ghost id.
 * Configured by {@code roseash.blog.ghost.url} and {@code roseash.blog.ghost.content-key}.
 */
@ApplicationScoped
public class GhostImporter {

    private static final Logger LOG = Logger.getLogger(GhostImporter.class);
    private static final int MAX_ERRORS_SHOWN = 20;
    private static final String[][] PHASES = {{"tags", ""}, {"authors", ""},
            {"posts", "include=tags,authors&formats=html"}, {"pages", "include=tags,authors&formats=html"}};

    private final ImportService imports;
    private final ObjectMapper json;
    private final Optional<String> url;
    private final Optional<String> contentKey;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "ghost-import"));
    private volatile ImportProgress progress = ImportProgress.IDLE;

    GhostImporter(ImportService imports, ObjectMapper json,
                  @ConfigProperty(name = "roseash.blog.ghost.url") Optional<String> url,
                  @ConfigProperty(name = "roseash.blog.ghost.content-key") Optional<String> contentKey) {
        this.imports = imports;
        this.json = json;
        this.url = url.filter(s -> !s.isBlank());
        this.contentKey = contentKey.filter(s -> !s.isBlank());
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }

    public boolean configured() {
        return url.isPresent() && contentKey.isPresent();
    }

    public ImportProgress progress() {
        return progress;
    }

    /** Starts an import unless one is running; returns the task (tests wait on it). */
    public synchronized Future<?> start() {
        if (!configured()) {
            throw new IllegalStateException("Ghost import is not configured: set roseash.blog.ghost.url and roseash.blog.ghost.content-key");
        }
        if (progress.running()) {
            return java.util.concurrent.CompletableFuture.completedFuture(null);
        }
        progress = new ImportProgress("running", "counting", 0, 0, 0, 0, 0, List.of(), Instant.now(), null);
        return worker.submit(this::run);
    }

    private void run() {
        Tally tally = new Tally();
        GhostContentClient ghost = new GhostContentClient(url.orElseThrow(), contentKey.orElseThrow(), json);
        try {
            for (String[] phase : PHASES) {
                tally.total += ghost.total(phase[0]);
            }
            for (String[] phase : PHASES) {
                String resource = phase[0];
                publish(tally, "running", resource);
                ghost.each(resource, phase[1], items -> {
                    for (JsonNode item : items) {
                        tally.count(() -> importOne(resource, item), resource, item);
                    }
                    publish(tally, "running", resource);
                });
            }
            publish(tally, "finished", "done");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            tally.errors.add("interrupted");
            publish(tally, "failed", "interrupted");
        } catch (Exception e) {
            LOG.warn("Ghost import failed", e);
            tally.errors.add("Import stopped: " + e.getMessage());
            publish(tally, "failed", progress.phase());
        }
    }

    private Outcome importOne(String resource, JsonNode item) {
        return switch (resource) {
            case "tags" -> imports.upsertTag(GhostJson.tag(item));
            case "authors" -> imports.upsertAuthor(GhostJson.author(item));
            case "posts" -> imports.upsertPost(GhostJson.post(item, "post"));
            default -> imports.upsertPost(GhostJson.post(item, "page"));
        };
    }

    private void publish(Tally t, String state, String phase) {
        progress = new ImportProgress(state, phase, t.done, t.total, t.created, t.updated, t.unchanged,
                List.copyOf(t.errors), progress.startedAt(), "running".equals(state) ? null : Instant.now());
    }

    /** Running counts of one import. */
    private static final class Tally {
        int done;
        int total;
        int created;
        int updated;
        int unchanged;
        final List<String> errors = new ArrayList<>();

        void count(Supplier<Outcome> step, String resource, JsonNode item) {
            try {
                switch (step.get()) {
                    case CREATED -> created++;
                    case UPDATED -> updated++;
                    case UNCHANGED -> unchanged++;
                }
            } catch (RuntimeException e) {
                // one bad item does not stop the import; it is listed instead
                if (errors.size() < MAX_ERRORS_SHOWN) {
                    errors.add(resource + " " + GhostJson.text(item, "slug") + ": " + e.getMessage());
                }
            }
            done++;
        }
    }
}
