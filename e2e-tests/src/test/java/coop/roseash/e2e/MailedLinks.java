package coop.roseash.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The magic sign-in links federation mails, read from the platform's mail sink (a folder of .eml files). */
public final class MailedLinks {

    private static final Pattern LINK = Pattern.compile("(http://federation\\.(?:[a-z0-9-]+\\.)?localhost:\\d+/auth/magic\\?token=[A-Za-z0-9_-]+)");

    private MailedLinks() {
    }

    /** Waits (up to 20 s) for the sign-in mail to this address to land in the sink and returns its link. */
    public static String signInLink(Path mailDir, String email) throws InterruptedException {
        return newSignInLink(mailDir, email, java.util.Set.of());
    }

    /** The names of the mails in the sink now (to tell a new mail from older ones to the same address). */
    public static java.util.Set<Path> mailsNow(Path mailDir) {
        try (Stream<Path> files = Files.list(mailDir)) {
            return files.collect(java.util.stream.Collectors.toSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * As {@link #signInLink(Path, String)}, but only from a mail that was not in the sink {@code before}: for an
     * address that signed in earlier in the run (an earlier link is used up).
     */
    public static String newSignInLink(Path mailDir, String email, java.util.Set<Path> before) throws InterruptedException {
        return newLink(mailDir, email, before, LINK);
    }

    /** The first match (group 1) of {@code link} in a mail to this address that was not in the sink {@code before}. */
    public static String newLink(Path mailDir, String email, java.util.Set<Path> before, Pattern link) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < deadline) {
            try (Stream<Path> files = Files.list(mailDir)) {
                Optional<String> found = files.filter(f -> f.toString().endsWith(".eml")).filter(f -> !before.contains(f))
                        .map(MailedLinks::read).filter(eml -> eml.contains("To: " + email + "\n"))
                        .map(link::matcher).filter(Matcher::find).map(m -> m.group(1)).findFirst();
                if (found.isPresent()) {
                    return found.get();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no new mail with " + link.pattern() + " to " + email + " in " + mailDir);
    }

    private static String read(Path file) {
        try {
            // line ends as one (federation's sink writes CRLF, account's Vert.x encoder LF), and a quoted-printable
            // body's soft breaks ("=" at the end of a line) undone: a link may span two lines there
            return Files.readString(file).replace("\r\n", "\n").replace("=\n", "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
