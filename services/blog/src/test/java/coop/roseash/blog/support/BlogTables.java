package coop.roseash.blog.support;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.List;

/** Empties the blog's tables (and the event bus rows it wrote) so each test starts from nothing. */
@ApplicationScoped
public class BlogTables {

    @Transactional
    public void clear() {
        Panache.getEntityManager().createNativeQuery("TRUNCATE posts, authors, tags, tag_groups, post_tags, old_slugs, "
                + "menu_nodes, snippets, page_configs, ap_activities CASCADE").executeUpdate();
    }

    /** The activity types recorded by the blog, oldest first, with their objects. */
    @Transactional
    @SuppressWarnings("unchecked")
    public List<Object[]> activities() {
        return Panache.getEntityManager().createNativeQuery(
                "SELECT type, object::text, visibility FROM ap_activities WHERE origin_service = 'blog' ORDER BY id")
                .getResultList();
    }

    @Transactional
    public Object scalar(String sql) {
        return Panache.getEntityManager().createNativeQuery(sql).getSingleResult();
    }

    /** Runs a write as another writer would (plain SQL in its own transaction). */
    @Transactional
    public int execute(String sql) {
        return Panache.getEntityManager().createNativeQuery(sql).executeUpdate();
    }
}
