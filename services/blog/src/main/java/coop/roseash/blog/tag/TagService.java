package coop.roseash.blog.tag;

import coop.roseash.blog.errors.BlogNotFoundException;
import coop.roseash.blog.errors.InvalidBlogInputException;
import coop.roseash.blog.post.PostService;
import coop.roseash.blog.post.Slugs;

import coop.roseash.blog.tag.TagGroupView;
import coop.roseash.blog.tag.TagView;
import coop.roseash.shared.model.blog.Tag;
import coop.roseash.shared.model.blog.TagGroup;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.Optional;

/** Tags (created by editors as they tag posts, or here) and the groups that organise them. */
@ApplicationScoped
public class TagService {

    /** Every tag with its number of published posts, grouped tags first by group position, then by name. */
    @Transactional
    public List<TagView> all() {
        List<Object[]> rows = Panache.getEntityManager().createQuery(
                "select t, g, (select count(pt) from PostTag pt where pt.tag = t and pt.post.status = "
                        + "coop.roseash.shared.model.blog.PostStatus.PUBLISHED) "
                        + "from Tag t left join t.group g order by g.position nulls last, g.name, t.name", Object[].class)
                .getResultList();
        return rows.stream().map(r -> view((Tag) r[0], (TagGroup) r[1], (Long) r[2])).toList();
    }

    @Transactional
    public Optional<TagView> bySlug(String slug) {
        return Tag.<Tag>find("slug", slug).firstResultOptional().map(t -> view(t, t.group, 0));
    }

    @Transactional
    public TagView create(String name, String description, Long groupId) {
        String slug = Slugs.slugify(requireName(name), "");
        if (slug.isEmpty()) {
            throw new InvalidBlogInputException("A tag name needs letters or digits.");
        }
        if (Tag.count("slug", slug) > 0) {
            throw new InvalidBlogInputException("The tag \"" + name.strip() + "\" exists already.");
        }
        Tag tag = new Tag();
        tag.name = name.strip();
        tag.slug = slug;
        tag.description = PostService.blankToNull(description);
        tag.group = group(groupId);
        tag.persist();
        return view(tag, tag.group, 0);
    }

    /** Renames a tag (its slug stays, so links keep working), describes it and (re)groups it. */
    @Transactional
    public TagView update(long id, String name, String description, Long groupId) {
        Tag tag = Tag.<Tag>findByIdOptional(id).orElseThrow(() -> new BlogNotFoundException("tag " + id));
        tag.name = requireName(name);
        tag.description = PostService.blankToNull(description);
        tag.group = group(groupId);
        return view(tag, tag.group, 0);
    }

    @Transactional
    public void delete(long id) {
        if (!Tag.deleteById(id)) {
            throw new BlogNotFoundException("tag " + id);
        }
    }

    @Transactional
    public List<TagGroupView> groups() {
        return TagGroup.<TagGroup>find("order by position, name").list().stream().map(TagService::groupView).toList();
    }

    @Transactional
    public TagGroupView createGroup(String name, int position) {
        String slug = Slugs.unique(Slugs.slugify(requireName(name), "group"), s -> TagGroup.count("slug", s) > 0);
        TagGroup group = new TagGroup();
        group.name = name.strip();
        group.slug = slug;
        group.position = position;
        group.persist();
        return groupView(group);
    }

    @Transactional
    public TagGroupView updateGroup(long id, String name, int position) {
        TagGroup group = TagGroup.<TagGroup>findByIdOptional(id).orElseThrow(() -> new BlogNotFoundException("tag group " + id));
        group.name = requireName(name);
        group.position = position;
        return groupView(group);
    }

    /** Deletes a group; its tags stay, ungrouped (the schema sets their group to null). */
    @Transactional
    public void deleteGroup(long id) {
        if (!TagGroup.deleteById(id)) {
            throw new BlogNotFoundException("tag group " + id);
        }
    }

    private static TagGroup group(Long groupId) {
        if (groupId == null) {
            return null;
        }
        return TagGroup.<TagGroup>findByIdOptional(groupId)
                .orElseThrow(() -> new InvalidBlogInputException("No tag group with id " + groupId + "."));
    }

    private static String requireName(String name) {
        if (name == null || name.isBlank()) {
            throw new InvalidBlogInputException("A name is required.");
        }
        return name.strip();
    }

    private static TagView view(Tag t, TagGroup g, long count) {
        return new TagView(t.id, t.name, t.slug, t.description, g == null ? null : g.id, g == null ? null : g.name, count);
    }

    private static TagGroupView groupView(TagGroup g) {
        return new TagGroupView(g.id, g.name, g.slug, g.position);
    }
}
