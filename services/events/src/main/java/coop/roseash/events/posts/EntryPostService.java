package coop.roseash.events.posts;

import coop.roseash.events.web.Forms;
import coop.roseash.events.web.InvalidInput;
import coop.roseash.shared.model.events.CalendarEntry;
import coop.roseash.shared.model.events.EntryPost;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.List;

/**
 * Links between entries and the blog posts that tell about them ({@code entry_posts}). A post id is blog's; events
 * cannot check it exists (another domain), so an unknown post simply shows no card.
 */
@ApplicationScoped
public class EntryPostService {

    @Transactional
    public void link(long entryId, String postId) {
        CalendarEntry entry = CalendarEntry.findById(entryId);
        if (entry == null) {
            throw new InvalidInput(404, "There is no such entry.");
        }
        Integer id = Forms.optionalInt(postId, "Post id");
        if (id == null || id < 1) {
            throw new InvalidInput("Post id must be the number of a blog post.");
        }
        if (EntryPost.count("entry = ?1 and postId = ?2", entry, id.longValue()) == 0) {
            EntryPost link = new EntryPost();
            link.entry = entry;
            link.postId = id.longValue();
            link.persist();
        }
    }

    @Transactional
    public void unlink(long entryId, long postId) {
        EntryPost.delete("entry.id = ?1 and postId = ?2", entryId, postId);
    }

    @Transactional
    public List<Long> postsOf(long entryId) {
        return EntryPost.<EntryPost>list("entry.id = ?1 order by id", entryId).stream().map(p -> p.postId).toList();
    }
}
