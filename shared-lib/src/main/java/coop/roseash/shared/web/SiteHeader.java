package coop.roseash.shared.web;

/** The three fragments every page's site header shows, as already-rendered HTML (empty when a provider failed). */
public record SiteHeader(String navTreeHtml, String authMenuHtml, String cartMiniHtml) {
    public static final SiteHeader EMPTY = new SiteHeader("", "", "");
}
