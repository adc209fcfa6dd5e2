package coop.roseash.blog.domain;

import coop.roseash.blog.support.BlogTables;
import coop.roseash.blog.support.BlogTestResource;
import coop.roseash.blog.menu.MenuNodeView;
import coop.roseash.shared.contracts.blog.PageSettingsView;
import coop.roseash.blog.post.PostDraft;
import coop.roseash.shared.contracts.blog.PostView;
import coop.roseash.blog.errors.InvalidBlogInputException;
import coop.roseash.blog.menu.MenuService;
import coop.roseash.shared.services.blog.PageSettingsService;
import coop.roseash.blog.post.PostService;
import coop.roseash.blog.snippet.SnippetService;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@QuarkusTest
@QuarkusTestResource(BlogTestResource.class)
class MenuAndSettingsTest {

    @Inject
    MenuService menu;

    @Inject
    PostService posts;

    @Inject
    PageSettingsService settings;

    @Inject
    SnippetService snippets;

    @Inject
    BlogTables tables;

    @BeforeEach
    void clean() {
        tables.clear();
    }

    @Test
    void menuNodesAreAddedByPageSearchReorderedAndNested() {
        PostView about = posts.create(new PostDraft("page", "About us", null, "", null, null, null, null));
        posts.publish(about.id(), about.version());
        assertThat(menu.searchPages("abo", 10)).extracting(s -> s.slug()).containsExactly("about-us");

        MenuNodeView aboutNode = menu.addPost(about.id(), null);
        MenuNodeView shop = menu.addLink("Shop", "http://market.localhost:8002/", null);
        MenuNodeView history = menu.addLink("History", "/history/", null);
        assertThat(menu.tree()).extracting(MenuNodeView::label).containsExactly("About us", "Shop", "History");
        assertThat(menu.tree().get(0).target()).isEqualTo("/about-us/");

        menu.move(history.id(), aboutNode.id(), 0);   // nest
        menu.move(shop.id(), null, 0);                // reorder
        List<MenuNodeView> tree = menu.tree();
        assertThat(tree).extracting(MenuNodeView::label).containsExactly("Shop", "About us");
        assertThat(tree.get(1).children()).extracting(MenuNodeView::label).containsExactly("History");

        assertThatThrownBy(() -> menu.move(aboutNode.id(), history.id(), 0))
                .isInstanceOf(InvalidBlogInputException.class).hasMessageContaining("inside itself");
        assertThatThrownBy(() -> menu.addLink("Bad", "javascript:alert(1)", null))
                .isInstanceOf(InvalidBlogInputException.class);

        menu.remove(aboutNode.id());
        assertThat(menu.tree()).extracting(MenuNodeView::label).containsExactly("Shop");
    }

    @Test
    void sumupKeyIsStoredEncryptedAndKeptWhenTheFormLeavesItBlank() {
        PageSettingsView saved = settings.save("page", 42, "MC123", "sup_sk_secret_value", false, true, false, true);
        assertThat(saved.sumupCredentialsSet()).isTrue();
        assertThat(saved.calendarEnabled()).isTrue();
        Object stored = tables.scalar("SELECT encode(sumup_credentials_encrypted, 'escape') FROM page_configs");
        assertThat(stored.toString()).doesNotContain("sup_sk_secret_value");
        assertThat(settings.sumupApiKey("page", 42)).contains("sup_sk_secret_value");

        settings.save("page", 42, "MC124", "", false, false, true, false);
        assertThat(settings.sumupApiKey("page", 42)).contains("sup_sk_secret_value");
        assertThat(settings.settings("page", 42).sumupMerchantCode()).isEqualTo("MC124");

        settings.save("page", 42, "MC124", null, true, false, true, false);
        assertThat(settings.sumupApiKey("page", 42)).isEmpty();
        assertThat(settings.settings("page", 7).sumupCredentialsSet()).isFalse();
    }

    @Test
    void snippetsAreSanitized() {
        var s = snippets.create("Opening hours", "<p>Mon–Fri</p><img src=x onerror=alert(1)>");
        assertThat(s.slug()).isEqualTo("opening-hours");
        assertThat(snippets.bySlug("opening-hours").orElseThrow().html()).isEqualTo("<p>Mon–Fri</p>");
    }
}
