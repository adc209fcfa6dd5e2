package coop.roseash.blog.fragments;

import static org.assertj.core.api.Assertions.assertThat;

import coop.roseash.shared.fragments.FragmentParams;
import coop.roseash.blog.menu.MenuService;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** nav-tree renders the menu from the database, nested, with blog paths made absolute for other hosts. */
@QuarkusTest
class NavTreeFragmentTest {

    @Inject
    NavTreeFragment navTree;

    @Inject
    MenuService menu;

    @Test
    void rendersTheMenuTreeWithAbsoluteLinksAndEscapedLabels() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        long parent = menu.addLink("About " + run, "/about-" + run + "/", null).id();
        menu.addLink("<b>Members</b> " + run, "/members-" + run + "/", parent);
        menu.addLink("Market " + run, "http://market.localhost:8002/", null);

        String html = navTree.render(FragmentParams.NONE);
        Document tree = Jsoup.parseBodyFragment(html);

        assertThat(tree.select(".nav-tree a:contains(About " + run + ")").attr("href"))
                .isEqualTo("http://blog.localhost:8001/about-" + run + "/");
        assertThat(tree.select(".nav-tree a:contains(Market " + run + ")").attr("href")).isEqualTo("http://market.localhost:8002/");
        // the child sits in a sub-menu behind its parent's disclosure button (details/summary, no script needed),
        // and its label is text, not markup
        assertThat(tree.select("li:has(> a:contains(About " + run + ")) > details.nav-sub > ul > li > a").text())
                .isEqualTo("<b>Members</b> " + run);
        assertThat(tree.select("li:has(> a:contains(About " + run + ")) > details > summary").text())
                .isEqualTo("Show the About " + run + " menu");
        assertThat(tree.select("li:has(> a:contains(Market " + run + ")) > details")).isEmpty();
        assertThat(html).doesNotContain("<b>Members</b>");
    }
}
