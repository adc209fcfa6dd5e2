package coop.roseash.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Sign-in links for the demo's admin and member, asked of federation the way a browser asks (its sign-in form,
 * with the form's CSRF token) and read from the local mail sink, so a local run prints where to click. The links
 * are bound to the launcher's request, so a browser opening one is asked "Sign in as …?" first (the same protection
 * every magic link has); one click signs it in.
 */
final class DemoSignIn {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern LINK = Pattern.compile("(https?://\\S+/auth/magic\\?token=[A-Za-z0-9_-]+)");

    private final String federationUrl;
    private final Path mailDir;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    DemoSignIn(String federationInternalUrl, Path mailDir) {
        this.federationUrl = federationInternalUrl.replaceAll("/$", "");
        this.mailDir = mailDir;
    }

    /** The link mailed to {@code email}, or empty (with the reason printed) when federation would not send one. */
    Optional<String> linkFor(String email) {
        try {
            HttpResponse<String> form = http.send(HttpRequest.newBuilder(URI.create(federationUrl + "/auth/login"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            Matcher token = CSRF.matcher(form.body());
            if (form.statusCode() != 200 || !token.find()) {
                return failed(email, "the sign-in form answered " + form.statusCode() + " without a CSRF token");
            }
            String cookies = form.headers().allValues("Set-Cookie").stream().map(c -> c.split(";", 2)[0])
                    .collect(Collectors.joining("; "));
            long before = System.currentTimeMillis();
            String body = "email=" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&_csrf="
                    + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
            HttpResponse<String> sent = http.send(HttpRequest.newBuilder(URI.create(federationUrl + "/auth/login"))
                    .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Cookie", cookies).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (sent.statusCode() != 200) {
                return failed(email, "the sign-in form refused it (" + sent.statusCode() + ")");
            }
            return newestLink(email, before);
        } catch (IOException e) {
            return failed(email, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private Optional<String> newestLink(String email, long since) throws IOException, InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < deadline) {
            if (Files.isDirectory(mailDir)) {
                try (Stream<Path> files = Files.list(mailDir)) {
                    List<Path> fresh = files.filter(f -> f.toString().endsWith(".eml"))
                            .filter(f -> f.toFile().lastModified() >= since - 1000).toList();
                    for (Path file : fresh) {
                        String eml = Files.readString(file);
                        Matcher link = LINK.matcher(eml);
                        if (eml.contains("To: " + email) && link.find()) {
                            return Optional.of(link.group(1));
                        }
                    }
                }
            }
            Thread.sleep(200);
        }
        return failed(email, "no mail arrived in " + mailDir);
    }

    private static Optional<String> failed(String email, String why) {
        System.out.println("[launcher] no demo sign-in link for " + email + ": " + why);
        return Optional.empty();
    }
}
