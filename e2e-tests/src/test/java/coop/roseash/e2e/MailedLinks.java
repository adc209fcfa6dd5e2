package coop.roseash.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The sign-in links federation mailed, read from the platform's mail sink folder. */
public final class MailedLinks {

    private static final Pattern LINK = Pattern.compile("(http://federation\\.localhost:\\d+/auth/magic\\?token=[A-Za-z0-9_-]+)");

    private MailedLinks() {
    }

    /** Waits for the sign-in mail to this address to land in the sink and returns its link. */
    public static String await(Path mailDir, String email) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < deadline) {
            try (Stream<Path> files = Files.list(mailDir)) {
                Optional<String> link = files.filter(f -> f.toString().endsWith(".eml")).map(MailedLinks::read)
                        .filter(eml -> eml.contains("To: " + email + "\r\n"))
                        .map(LINK::matcher).filter(Matcher::find).map(m -> m.group(1)).findFirst();
                if (link.isPresent()) {
                    return link.get();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no sign-in mail to " + email + " in " + mailDir);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
