package coop.roseash.shared.contracts.blog;

/** A named group of tags (for example "Topics", "Places"), ordered by position. */
public record TagGroupView(long id, String name, String slug, int position) {
}
