package coop.roseash.sx.render;

/** Rendering facts about an element name, with its open and close strings built once. */
public final class TagInfo {
    /** An element, the {@code <>} fragment, or {@code el} (element named at run time). */
    public enum Kind { ELEMENT, FRAGMENT, DYNAMIC }

    public final String name;
    public final Kind kind;
    public final boolean isVoid;
    final String open;
    final String close;

    TagInfo(String name, Kind kind, boolean isVoid) {
        this.name = name;
        this.kind = kind;
        this.isVoid = isVoid;
        this.open = "<" + name;
        this.close = "</" + name + ">";
    }
}
