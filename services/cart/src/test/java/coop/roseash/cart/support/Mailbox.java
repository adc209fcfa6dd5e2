package coop.roseash.cart.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The test application's mail sink folder (MAIL_SINK_DIR): the messages written for one order. */
public final class Mailbox {

    private static Path dir;

    private Mailbox() {
    }

    /** A new, empty folder for this test application's mail. */
    static synchronized Path fresh() {
        try {
            Files.createDirectories(Path.of("target"));
            dir = Files.createTempDirectory(Path.of("target"), "test-mail-").toAbsolutePath();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The confirmation emails of order {@code orderId} (each links to the order). */
    public static List<String> confirmationsOf(long orderId) {
        if (dir == null || !Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".eml")).map(Mailbox::read)
                    .filter(mail -> mail.contains("/orders/" + orderId + "\r\n") || mail.contains("/orders/" + orderId + "\""))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
