package coop.roseash.federation.mail;

/** One plain-text email. */
public record OutgoingMail(String to, String subject, String text) {
}
