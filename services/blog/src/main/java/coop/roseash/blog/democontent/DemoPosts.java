package coop.roseash.blog.democontent;

import java.util.List;

/** The demo site's words: a co-op's news posts and its about pages. */
final class DemoPosts {

    /** {@code image}: a file under the blog's /demo/ (it carries its own description; pages show it decoratively). */
    record Item(String type, String slug, String title, String excerpt, String html, String image, List<String> tags) {
    }

    private DemoPosts() {
    }

    static List<Item> items() {
        return List.of(
                new Item("page", "about", "About the co-op",
                        "Rose Ash is a co-operative of growers, makers and neighbours.",
                        "<p>Rose Ash is a co-operative of growers, makers and neighbours who share a market, a calendar "
                                + "and this site. Every member has a say and a share.</p>"
                                + "<p>Read about <a href=\"/members/\">our members</a> and <a href=\"/how-we-work/\">how we "
                                + "work</a>.</p>", null, List.of()),
                new Item("page", "members", "Our members",
                        "Growers, bakers, beekeepers and fixers.",
                        "<ul><li><b>Hill Orchard</b> grows twelve kinds of apple.</li><li><b>Crumb &amp; Co</b> bakes "
                                + "sourdough three times a week.</li><li><b>Meadow Bees</b> keeps forty hives.</li>"
                                + "<li><b>The Fixers</b> run the repair café.</li></ul>", null, List.of()),
                new Item("page", "how-we-work", "How we work",
                        "One member, one vote; surpluses shared.",
                        "<h2>One member, one vote</h2><p>Decisions are made at the monthly meeting; anyone can put an "
                                + "item on the agenda.</p><h2>Fair shares</h2><p>Surpluses go back to members in "
                                + "proportion to what they trade through the co-op.</p>", null, List.of()),
                new Item("post", "welcome-to-rose-ash", "Welcome to Rose Ash",
                        "Our new home on the web: news, the market and the calendar in one place.",
                        "<p>This is our new home on the web. Read the news here, shop the market and book a place at "
                                + "the next event, all with one sign-in.</p>", null, List.of("News")),
                new Item("post", "apple-pressing-day", "Apple pressing day at the orchard",
                        "Bring a bag of windfalls and take home a bottle of juice.",
                        "<p>The presses come out on the last Saturday of September. Bring a bag of windfalls and take "
                                + "home a bottle of juice.</p><p>Children welcome; the cider is for grown-ups.</p>",
                        "orchard.svg", List.of("Orchard", "Events")),
                new Item("post", "sourdough-share", "The sourdough share",
                        "A loaf a week from Crumb & Co, paid for once a season.",
                        "<p>Members can now take a <b>sourdough share</b>: one loaf a week, paid for once a season, "
                                + "collected at the market.</p>", "bread.svg", List.of("Bakery")),
                new Item("post", "bees-are-back", "The bees are back in the meadow",
                        "Forty hives came through the winter.",
                        "<p>All forty hives came through the winter. The first honey should be ready in June.</p>",
                        "bees.svg", List.of("Bees", "Orchard")),
                new Item("post", "repair-cafe", "Repair café, every first Saturday",
                        "Bring what is broken; leave with it mended.",
                        "<p>Kettles, bikes, jumpers and lamps: bring what is broken and leave with it mended, or "
                                + "knowing how to mend it.</p>", "workshop.svg", List.of("Repair", "Events")));
    }
}
