package coop.roseash.blog.search;

import java.time.Instant;

/**
 * One search result. {@code snippetHtml} is escaped text whose only markup is {@code <mark>} around
 * the matched words, so views may emit it raw.
 */
public record SearchHit(String type, String slug, String title, String snippetHtml, Instant publishedAt, double rank) {
}
