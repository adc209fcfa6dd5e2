package coop.roseash.market.page;

/**
 * The market page form as an admin filled it in.
 *
 * @param page the blog page it attaches to (its slug, or its number); only read when creating
 */
public record MarketPageForm(String page, String title, String slug, String description) {

    public static final MarketPageForm EMPTY = new MarketPageForm("", "", "", "");

    static MarketPageForm of(MarketPageView market, String pageSlug) {
        return new MarketPageForm(pageSlug, market.title(), market.slug(), market.description());
    }
}
