package coop.roseash.blog.ghost;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import coop.roseash.blog.ghost.ImportService;
import coop.roseash.blog.ghost.ImportService.Outcome;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * Imports a Ghost site (tags, authors, posts, pages) in the background, one at a time, reporting progress as it
 * goes. Re-running it is safe: items are matched by their Ghost id. Configured by {@code roseash.blog.ghost.url}
 * and either {@code roseash.blog.ghost.admin-key} (Admin API: drafts too, and author emails, so authors are
 * matched to members) or {@code roseash.blog.ghost.content-key} (Content API: published content only).
 */
@ApplicationScoped
public class GhostImporter {

    private static final Logger LOG = Logger.getLogger(GhostImporter.class);
    private static final int MAX_ERRORS_SHOWN = 20;
    private static final String WITH_BODIES = "include=tags,authors&formats=html";

    private final ImportService imports;
    private final ObjectMapper json;
    private final Optional<String> url;
    private final Optional<String> contentKey;
    private final Optional<String> adminKey;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "ghost-import"));
    private volatile ImportProgress progress = ImportProgress.IDLE;

    GhostImporter(ImportService imports, ObjectMapper json,
                  @ConfigProperty(name = "roseash.blog.ghost.url") Optional<String> url,
                  @ConfigProperty(name = "roseash.blog.ghost.content-key") Optional<String> contentKey,
                  @ConfigProperty(name = "roseash.blog.ghost.admin-key") Optional<String> adminKey) {
        this.imports = imports;
        this.json = json;
        this.url = url.filter(s -> !s.isBlank());
        this.contentKey = contentKey.filter(s -> !s.isBlank());
        this.adminKey = adminKey.filter(s -> !s.isBlank());
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }

    public boolean configured() {
        return url.isPresent() && (contentKey.isPresent() || adminKey.isPresent());
    }

    /** Which API an import uses, for the import page: "Admin API" or "Content API" (null when not configured). */
    public String api() {
        return !configured() ? null : adminKey.isPresent() ? "Admin API" : "Content API";
    }

    public ImportProgress progress() {
        return progress;
    }

    /** Starts an import unless one is running; returns the task (tests wait on it). */
    public synchronized Future<?> start() {
        if (!configured()) {
            throw new IllegalStateException("Ghost import is not configured: set roseash.blog.ghost.url and "
                    + "roseash.blog.ghost.admin-key or roseash.blog.ghost.content-key");
        }
        return start(() -> GhostAccess.fromConfig(contentKey, adminKey).orElseThrow());
    }

    /** Starts an import through the given access (tests use it to read the stub through the other API). */
    synchronized Future<?> start(Supplier<GhostAccess> access) {
        if (progress.running()) {
            return java.util.concurrent.CompletableFuture.completedFuture(null);
        }
        progress = new ImportProgress("running", "counting", 0, 0, 0, 0, 0, List.of(), Instant.now(), null);
        return worker.submit(() -> run(access));
    }

    private void run(Supplier<GhostAccess> accessOf) {
        Tally tally = new Tally();
        try {
            // a malformed key fails here, on the progress page, rather than at start-up
            GhostAccess access = accessOf.get();
            GhostClient ghost = new GhostClient(url.orElseThrow(), access, json);
            String[][] phases = {{"tags", ""}, {access.authorsResource(), ""}, {"posts", WITH_BODIES}, {"pages", WITH_BODIES}};
            for (String[] phase : phases) {
                tally.total += ghost.total(phase[0]);
            }
            for (String[] phase : phases) {
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
            if (e instanceof IOException || e instanceof IllegalArgumentException) {
                // Ghost unreachable or refusing the key, or a malformed key: the message says it all
                LOG.warnf("Ghost import failed: %s", e.getMessage());
            } else {
                LOG.warn("Ghost import failed", e);
            }
            tally.errors.add("Import stopped: " + e.getMessage());
            publish(tally, "failed", progress.phase());
        }
    }

    private Outcome importOne(String resource, JsonNode item) {
        return switch (resource) {
            case "tags" -> imports.upsertTag(GhostJson.tag(item));
            case "authors", "users" -> imports.upsertAuthor(GhostJson.author(item));
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
