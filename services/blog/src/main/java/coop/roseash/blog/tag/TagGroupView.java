package coop.roseash.blog.tag;

/** A named group of tags (for example "Topics", "Places"), ordered by position. */
public record TagGroupView(long id, String name, String slug, int position) {
}
