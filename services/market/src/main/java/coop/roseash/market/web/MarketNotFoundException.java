package coop.roseash.market.web;

/** The market page, product or admin item asked for does not exist, or visitors may not see it (a closed market). */
public class MarketNotFoundException extends RuntimeException {

    public MarketNotFoundException(String what) {
        super(what + " not found");
    }
}
