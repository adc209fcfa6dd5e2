package coop.roseash.events.bench;

import coop.roseash.devinfra.PlatformTestResource;
import coop.roseash.events.fragments.ContainerCardsFragment;
import coop.roseash.shared.fragments.FragmentParams;
import coop.roseash.shared.model.events.Calendar;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The events benchmark (services/events/README.md): 5,000 public confirmed entries over the coming year in 20
 * calendars; the month view over HTTP and the {@code container-cards} fragment's render at 1, 4 and 16 concurrent
 * clients, each a closed loop for {@code events.bench.seconds} (default 10) after a 3 s warm-up. Prints median,
 * 95th percentile and throughput. Runs only when asked:
 * {@code mvn -B -o -pl services/events -am verify -Dtest=EventsBench -Devents.bench=true -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
@EnabledIfSystemProperty(named = "events.bench", matches = "true")
class EventsBench {

    private static final int CALENDARS = 20;
    private static final int ENTRIES = 5000;

    @TestHTTPResource("/")
    URL base;

    @Inject
    ContainerCardsFragment cards;

    private static long seed() {
        return QuarkusTransaction.requiringNew().call(() -> {
            var em = Calendar.getEntityManager();
            long firstPage = 50_000_000L;
            em.createNativeQuery("INSERT INTO calendars (container_type, container_id, name, slug, time_zone)"
                    + " SELECT 'page', ?1 + g, 'Bench calendar ' || g, 'bench-' || g, 'Europe/London'"
                    + " FROM generate_series(1, ?2) g").setParameter(1, firstPage).setParameter(2, CALENDARS)
                    .executeUpdate();
            // entries spread evenly over the next 365 days, round robin over the calendars, two hours long
            em.createNativeQuery("INSERT INTO calendar_entries (calendar_id, title, starts_at, ends_at, state, public)"
                    + " SELECT c.id, 'Bench entry ' || g, date_trunc('hour', now()) + (g * interval '365 days' / ?1),"
                    + " date_trunc('hour', now()) + (g * interval '365 days' / ?1) + interval '2 hours', 'confirmed', true"
                    + " FROM generate_series(1, ?1) g JOIN calendars c ON c.container_id = ?2 + 1 + (g % ?3)")
                    .setParameter(1, ENTRIES).setParameter(2, firstPage).setParameter(3, CALENDARS).executeUpdate();
            em.createNativeQuery("ANALYZE calendar_entries").executeUpdate();
            return firstPage;
        });
    }

    @Test
    void monthViewAndContainerCards() throws Exception {
        long firstPage = seed();
        List<Long> calendarIds = QuarkusTransaction.requiringNew().call(() -> Calendar.<Calendar>list(
                "containerId > ?1 and containerId <= ?2", firstPage, firstPage + CALENDARS).stream()
                .map(c -> c.id).toList());
        assertThat(calendarIds).hasSize(CALENDARS);
        String month = YearMonth.now().plusMonths(2).toString();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String root = base.toString().replaceAll("/$", "");
        int seconds = Integer.getInteger("events.bench.seconds", 10);
        StringBuilder report = new StringBuilder("\n| what | clients | requests | median ms | p95 ms | per second |\n"
                + "|---|---|---|---|---|---|\n");
        for (int clients : new int[] {1, 4, 16}) {
            report.append(run("month view", clients, seconds, i -> {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(root + "/calendars/"
                        + calendarIds.get(i % CALENDARS) + "/month/" + month)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 200 || !r.body().contains("Bench entry")) {
                    throw new IllegalStateException("month view answered " + r.statusCode());
                }
            }));
            report.append(run("container-cards", clients, seconds, i -> {
                String html = cards.render(FragmentParams.of(Map.of("container_type", "page",
                        "container_id", firstPage + 1 + (i % CALENDARS), "variant", "card")));
                if (!html.contains("Bench entry")) {
                    throw new IllegalStateException("container-cards rendered no card");
                }
            }));
        }
        String result = "EVENTS BENCH (" + ENTRIES + " entries, " + CALENDARS + " calendars, "
                + Runtime.getRuntime().availableProcessors() + " cores, load average " + String.format("%.2f",
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()) + ")" + report;
        System.out.println(result);
        java.nio.file.Files.writeString(java.nio.file.Path.of("target", "events-bench.md"), result);
    }

    interface Call {
        void run(int i) throws Exception;
    }

    private static String run(String what, int clients, int seconds, Call call) throws Exception {
        loop(clients, 3, call); // warm-up
        List<Long> nanos = loop(clients, seconds, call);
        Collections.sort(nanos);
        double median = nanos.get(nanos.size() / 2) / 1e6;
        double p95 = nanos.get((int) (nanos.size() * 0.95)) / 1e6;
        return String.format("| %s | %d | %d | %.1f | %.1f | %.0f |%n", what, clients, nanos.size(), median, p95,
                nanos.size() / (double) seconds);
    }

    private static List<Long> loop(int clients, int seconds, Call call) throws Exception {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<List<Long>>> futures = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            futures.add(pool.submit((Callable<List<Long>>) () -> {
                List<Long> times = new ArrayList<>();
                for (int i = client; System.nanoTime() < end; i += clients) {
                    long t0 = System.nanoTime();
                    call.run(i);
                    times.add(System.nanoTime() - t0);
                }
                return times;
            }));
        }
        List<Long> all = new ArrayList<>();
        for (Future<List<Long>> f : futures) {
            all.addAll(f.get());
        }
        pool.shutdown();
        return all;
    }
}
