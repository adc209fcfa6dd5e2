package coop.roseash.cart.mail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * The development mail sink, as federation keeps it ({@code roseash.mail.sink-dir}): each message one {@code .eml}
 * file, here multipart/alternative with the text and the HTML part (the HTML part inside a multipart/related with its
 * inline images, as a mail client expects {@code cid:} images), written under a temporary name and renamed so a
 * reader never sees half a message.
 */
final class MailSinkFile {

    private MailSinkFile() {
    }

    static Path write(Path dir, String from, String to, String subject, String text, String html,
                      List<InlineImage> images) {
        String id = UUID.randomUUID().toString();
        String boundary = "=_roseash_" + id;
        String htmlPart = images.isEmpty() ? part(boundary, "text/html", html) : related(boundary, id, html, images);
        String eml = "From: " + header(from) + "\r\n"
                + "To: " + header(to) + "\r\n"
                + "Subject: =?UTF-8?B?" + base64(subject) + "?=\r\n"
                + "Date: " + DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now()) + "\r\n"
                + "Message-ID: <" + id + "@roseash.local>\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: multipart/alternative; boundary=\"" + boundary + "\"\r\n"
                + "\r\n"
                + part(boundary, "text/plain", text)
                + htmlPart
                + "--" + boundary + "--\r\n";
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, ".mail", ".tmp");
            Files.writeString(tmp, eml, StandardCharsets.UTF_8);
            Path target = dir.resolve(System.currentTimeMillis() + "-" + id + ".eml");
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write mail into " + dir, e);
        }
    }

    private static String part(String boundary, String type, String body) {
        return "--" + boundary + "\r\n"
                + "Content-Type: " + type + "; charset=UTF-8\r\n"
                + "Content-Transfer-Encoding: 8bit\r\n"
                + "\r\n"
                + body.replace("\r\n", "\n").replace("\n", "\r\n") + "\r\n";
    }

    /** The HTML part and its images: multipart/related, the HTML first (the root part). */
    private static String related(String outer, String id, String html, List<InlineImage> images) {
        String boundary = "=_roseash_related_" + id;
        StringBuilder out = new StringBuilder("--" + outer + "\r\n"
                + "Content-Type: multipart/related; type=\"text/html\"; boundary=\"" + boundary + "\"\r\n"
                + "\r\n"
                + part(boundary, "text/html", html));
        for (InlineImage image : images) {
            out.append("--").append(boundary).append("\r\n")
                    .append("Content-Type: ").append(image.contentType()).append("; name=\"")
                    .append(header(image.fileName())).append("\"\r\n")
                    .append("Content-Transfer-Encoding: base64\r\n")
                    .append("Content-ID: <").append(header(image.contentId())).append(">\r\n")
                    .append("Content-Disposition: inline; filename=\"").append(header(image.fileName())).append("\"\r\n")
                    .append("\r\n")
                    .append(Base64.getMimeEncoder().encodeToString(image.data())).append("\r\n");
        }
        return out.append("--").append(boundary).append("--\r\n").toString();
    }

    private static String base64(String value) {
        return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }

    /** Header values must not carry line breaks (header injection). */
    private static String header(String value) {
        return value.replaceAll("[\\r\\n]", " ");
    }
}
