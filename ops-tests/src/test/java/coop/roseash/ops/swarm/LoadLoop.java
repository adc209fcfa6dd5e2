package coop.roseash.ops.swarm;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Visitors loading every service's home page through the proxy, one after another with a short pause, while something
 * happens to the stack: bounded by a request count and a time limit, it stops by itself. Every answer other than 200,
 * and every request that fails, is a failure; so is a loop that reached its bound before it was closed (what happened
 * after that went unobserved).
 */
final class LoadLoop implements AutoCloseable {

    private static final int MAX_REQUESTS = 60_000;
    // a pause between requests: enough to see every second of an update, without taking a core from the stack
    private static final long PAUSE_MILLIS = 50;

    private final AtomicBoolean stop = new AtomicBoolean();
    private final AtomicInteger requests = new AtomicInteger();
    private final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    private final List<Thread> threads;
    private final long deadline;

    private LoadLoop(int visitors, Duration limit) {
        deadline = System.nanoTime() + limit.toNanos();
        threads = java.util.stream.IntStream.range(0, visitors).mapToObj(i -> {
            Thread thread = new Thread(this::visit, "load-" + i);
            thread.setDaemon(true);
            return thread;
        }).toList();
    }

    static LoadLoop start(int visitors, Duration limit) {
        LoadLoop loop = new LoadLoop(visitors, limit);
        loop.threads.forEach(Thread::start);
        return loop;
    }

    private void visit() {
        Visitor visitor = new Visitor();
        while (!stop.get() && System.nanoTime() < deadline && requests.get() < MAX_REQUESTS) {
            for (String service : LocalSwarm.SERVICES) {
                String url = Visitor.url(service) + "/";
                requests.incrementAndGet();
                try {
                    HttpResponse<String> response = visitor.get(url);
                    if (response.statusCode() != 200) {
                        failures.add(java.time.LocalTime.now() + " " + url + " answered " + response.statusCode());
                    }
                } catch (Exception e) {
                    failures.add(java.time.LocalTime.now() + " " + url + " failed: " + e);
                }
                try {
                    Thread.sleep(PAUSE_MILLIS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
        if (!stop.get()) {
            failures.add(java.time.LocalTime.now() + " the loop reached its bound (" + requests.get()
                    + " requests or its time limit) before it was closed");
        }
    }

    int requests() {
        return requests.get();
    }

    List<String> failures() {
        return List.copyOf(failures);
    }

    @Override
    public void close() throws InterruptedException {
        stop.set(true);
        for (Thread thread : threads) {
            thread.join(30_000);
        }
    }
}
