package coop.roseash.sx.value;

/** SX source of a tag or component call already serialized by the wire renderer. */
public record WireNode(String source) {}
