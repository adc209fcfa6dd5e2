package coop.roseash.blog.democontent;

import coop.roseash.blog.menu.MenuNodeView;
import coop.roseash.blog.menu.MenuService;
import coop.roseash.blog.post.PostDraft;
import coop.roseash.blog.post.PostService;
import coop.roseash.shared.config.ServiceUrls;
import coop.roseash.shared.contracts.blog.PostView;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The demo site of a local run ({@code ./deploy.sh --local}; {@code --no-demo} turns it off; never in the stack):
 * posts and pages with images and tags, and a menu with a sub-menu, written through the blog's own services (the
 * editor's path: slugs, sanitizing, tags, events), so the demo exercises what members use. Idempotent: a post whose
 * slug exists is left alone, and the menu is only filled while empty; replicas starting together take turns.
 */
@ApplicationScoped
public class DemoContent {

    private static final Logger LOG = Logger.getLogger(DemoContent.class);

    private final PostService posts;
    private final MenuService menu;
    private final ServiceUrls urls;
    private final EntityManager db;
    private final boolean enabled;

    DemoContent(PostService posts, MenuService menu, ServiceUrls urls, EntityManager db,
                @ConfigProperty(name = "roseash.blog.demo-content", defaultValue = "false") boolean enabled) {
        this.posts = posts;
        this.menu = menu;
        this.urls = urls;
        this.db = db;
        this.enabled = enabled;
    }

    void onStart(@Observes StartupEvent started) {
        if (enabled) {
            int written = seed();
            LOG.infof("demo content: %d new posts, pages and menu items", written);
        }
    }

    /** Writes whatever part of the demo site is missing; returns how many posts, pages and menu items it added. */
    @Transactional
    public int seed() {
        // one seeder at a time across replicas, released with the transaction
        db.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext('roseash.blog.demo-content'))").getSingleResult();
        int written = 0;
        for (DemoPosts.Item item : DemoPosts.items()) {
            if (PostService.slugTaken(item.slug(), null)) {
                continue;
            }
            String image = item.image() == null ? null : urls.publicUrl("blog") + "/demo/" + item.image();
            PostView draft = posts.create(new PostDraft(item.type(), item.title(), item.slug(), item.html(), item.excerpt(), image,
                    item.tags(), null));
            posts.publish(draft.id(), draft.version());
            written++;
        }
        if (menu.tree().isEmpty()) {
            written += seedMenu();
        }
        return written;
    }

    private int seedMenu() {
        menu.addLink("Home", "/", null);
        MenuNodeView about = menu.addLink("About the co-op", "/about/", null);
        menu.addLink("Our members", "/members/", about.id());
        menu.addLink("How we work", "/how-we-work/", about.id());
        menu.addLink("Market", urls.publicUrl("market") + "/", null);
        menu.addLink("Events", urls.publicUrl("events") + "/", null);
        return 6;
    }
}
