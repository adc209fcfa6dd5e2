package coop.roseash.sx.value;

/** Markup emitted unescaped: from {@code raw!}, or a tag rendered in value position. */
public record RawHtml(String html) {}
