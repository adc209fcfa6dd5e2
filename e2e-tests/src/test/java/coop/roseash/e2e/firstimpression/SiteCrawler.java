package coop.roseash.e2e.firstimpression;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * Walks the platform's pages as a visitor's browser would, from some start pages, following every link to one of
 * the platform's hosts ({@code NAME.localhost:PORT}, requested on 127.0.0.1 since only browsers resolve
 * {@code *.localhost}), and redirects to them, with the visitor's cookies per port. Reports every page that answers
 * 5xx and every link that answers 404, with the page that links to it.
 */
final class SiteCrawler {

    record Problem(String url, int status, String linkedFrom) {
        @Override
        public String toString() {
            return status + " " + url + " (linked from " + linkedFrom + ")";
        }
    }

    private final Set<Integer> ports;
    private final Map<Integer, String> cookiesByPort;
    private final Predicate<URI> skip;
    private final int maxPages;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** {@code skip}: links not to follow (signing out, for instance), decided on the link as written. */
    SiteCrawler(Set<Integer> ports, Map<Integer, String> cookiesByPort, Predicate<URI> skip, int maxPages) {
        this.ports = ports;
        this.cookiesByPort = cookiesByPort;
        this.skip = skip;
        this.maxPages = maxPages;
    }

    /** Every page visited, with its status; problems are collected into {@code problems}. */
    Map<String, Integer> crawl(List<String> startPages, List<Problem> problems) throws Exception {
        Map<String, Integer> visited = new LinkedHashMap<>();
        Deque<String[]> queue = new ArrayDeque<>();
        startPages.forEach(page -> queue.add(new String[] {page, "(start)"}));
        while (!queue.isEmpty() && visited.size() < maxPages) {
            String[] next = queue.poll();
            String url = next[0];
            if (visited.containsKey(url)) {
                continue;
            }
            URI uri = URI.create(url);
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + uri.getPort()
                            + (uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                            + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())))
                    .timeout(Duration.ofSeconds(20)).header("Accept", "text/html,*/*");
            String cookie = cookiesByPort.get(uri.getPort());
            if (cookie != null && !cookie.isEmpty()) {
                request.header("Cookie", cookie);
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            int status = response.statusCode();
            visited.put(url, status);
            if (status >= 500 || status == 404) {
                problems.add(new Problem(url, status, next[1]));
                continue;
            }
            if (status >= 300 && status < 400) {
                response.headers().firstValue("Location").map(uri::resolve).filter(this::internal)
                        .ifPresent(target -> queue.add(new String[] {withoutFragment(target), url + " (redirect)"}));
                continue;
            }
            String type = response.headers().firstValue("Content-Type").orElse("");
            if (!type.startsWith("text/html")) {
                continue;
            }
            Document page = Jsoup.parse(response.body(), url);
            page.select("a[href]").forEach(link -> {
                String href = link.attr("href");
                if (href.startsWith("#") || href.startsWith("mailto:")) {
                    return;
                }
                URI target;
                try {
                    target = URI.create(link.absUrl("href"));
                } catch (IllegalArgumentException e) {
                    problems.add(new Problem(href, 0, url + " (not a URL)"));
                    return;
                }
                if (internal(target) && !skip.test(target)) {
                    queue.add(new String[] {withoutFragment(target), url});
                }
            });
        }
        return visited;
    }

    private boolean internal(URI uri) {
        return "http".equals(uri.getScheme()) && uri.getHost() != null
                && (uri.getHost().endsWith(".localhost") || uri.getHost().equals("127.0.0.1")) && ports.contains(uri.getPort());
    }

    private static String withoutFragment(URI uri) {
        String s = uri.toString();
        int hash = s.indexOf('#');
        return hash < 0 ? s : s.substring(0, hash);
    }

    static List<String> describe(List<Problem> problems) {
        List<String> lines = new ArrayList<>();
        problems.forEach(p -> lines.add(p.toString()));
        return lines;
    }
}
