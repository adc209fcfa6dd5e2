package coop.roseash.federation.mail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.UUID;

/**
 * The development mail sink: each email becomes an RFC 5322 {@code .eml} file in one folder, where a
 * developer opens it in a mail program and a test reads the link out of it. Files are written under
 * a temporary name and renamed, so a reader never sees half a message.
 */
public final class MailSink {
    private final Path dir;

    public MailSink(Path dir) {
        this.dir = dir;
    }

    public Path write(String from, OutgoingMail mail) {
        String id = UUID.randomUUID().toString();
        String eml = "From: " + header(from) + "\r\n"
                + "To: " + header(mail.to()) + "\r\n"
                + "Subject: =?UTF-8?B?" + Base64.getEncoder().encodeToString(mail.subject().getBytes(StandardCharsets.UTF_8)) + "?=\r\n"
                + "Date: " + DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now()) + "\r\n"
                + "Message-ID: <" + id + "@roseash.local>\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n"
                + "Content-Transfer-Encoding: 8bit\r\n"
                + "\r\n"
                + mail.text().replace("\r\n", "\n").replace("\n", "\r\n");
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

    /** Header values must not carry line breaks (header injection). */
    private static String header(String value) {
        return value.replaceAll("[\\r\\n]", " ");
    }
}
