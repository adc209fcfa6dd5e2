package coop.roseash.blog.ghost;

import java.time.Instant;
import java.util.List;

/** Where a Ghost import is: its state (idle, running, finished, failed), phase, counts and problems. */
public record ImportProgress(String state, String phase, int done, int total, int created, int updated,
                             int unchanged, List<String> errors, Instant startedAt, Instant finishedAt) {

    static final ImportProgress IDLE = new ImportProgress("idle", "", 0, 0, 0, 0, 0, List.of(), null, null);

    public boolean running() {
        return "running".equals(state);
    }
}
