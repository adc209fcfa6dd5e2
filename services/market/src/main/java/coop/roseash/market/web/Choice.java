package coop.roseash.market.web;

/**
 * One choice a page offers (a category link, a brand in a menu, a label's checkbox, a sort order).
 *
 * @param href     where choosing it leads, for links; null for form fields
 * @param selected whether it is the current choice
 */
public record Choice(String value, String label, String href, boolean selected) {
}
