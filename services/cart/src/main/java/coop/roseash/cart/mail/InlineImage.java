package coop.roseash.cart.mail;

/** An image sent inside a mail and shown by its HTML part as {@code cid:contentId} (no data: URI, no remote image). */
record InlineImage(String contentId, String fileName, String contentType, byte[] data) {
}
