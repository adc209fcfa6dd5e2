package coop.roseash.market.admin;

import coop.roseash.market.page.MarketPageView;

/**
 * A market page in the admin's list.
 *
 * @param page         the blog page it belongs to, as admins know it (its title), or a note that it is gone
 * @param settingsHref the blog page's settings (where its market is turned on and off)
 */
public record MarketRow(MarketPageView market, long products, String page, String settingsHref, String adminHref) {
}
