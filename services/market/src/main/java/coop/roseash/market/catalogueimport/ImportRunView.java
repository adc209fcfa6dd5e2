package coop.roseash.market.catalogueimport;

import java.util.List;

/** A run as the admin page shows it: its state, where it stands, what it did, and the pages it skipped and why. */
public record ImportRunView(long id, String state, String trigger, String marketPage, String startUrl, String startedAt,
                            String finishedAt, int pagesVisited, int pagesSkipped, int pagesPending, int created,
                            int updated, int unchanged, int madeUnavailable, String message, boolean stalled,
                            List<SkippedPage> skipped) {

    /** A page left out, and why. */
    public record SkippedPage(String url, String reason) {
    }
}
