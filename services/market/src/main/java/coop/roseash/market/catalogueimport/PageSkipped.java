package coop.roseash.market.catalogueimport;

/** A page the import leaves out, with the reason shown to the admin and logged (unreachable, slow, malformed). */
public class PageSkipped extends Exception {

    public PageSkipped(String reason) {
        super(reason, null, false, false);
    }
}
