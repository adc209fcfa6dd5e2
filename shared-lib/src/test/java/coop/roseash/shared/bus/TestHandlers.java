package coop.roseash.shared.bus;

import coop.roseash.shared.model.blog.Snippet;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** Handlers of test activity types that record every call. */
final class TestHandlers {

    static final String RACE = "test:Race";
    static final String FLAKY = "test:Flaky";
    static final String BROKEN = "test:Broken";
    static final String WRITES_THEN_FAILS = "test:WritesThenFails";

    private TestHandlers() {
    }

    /** Counts calls per activity; slow enough that two processors overlap. */
    @ApplicationScoped
    static class RaceHandler implements ActivityHandler {
        private final Map<Long, AtomicInteger> calls = new ConcurrentHashMap<>();

        /** Calls per activity id (a method: the test holds a client proxy, whose fields are not the bean's). */
        Map<Long, AtomicInteger> calls() {
            return calls;
        }

        @Override
        public Set<String> handles() {
            return Set.of(RACE);
        }

        @Override
        public void handle(ReceivedActivity activity) throws InterruptedException {
            calls.computeIfAbsent(activity.id(), id -> new AtomicInteger()).incrementAndGet();
            Thread.sleep(2);
        }
    }

    /** Fails the first two attempts, then succeeds; records when each attempt started. */
    @ApplicationScoped
    static class FlakyHandler implements ActivityHandler {
        private final List<Instant> attempts = new CopyOnWriteArrayList<>();

        List<Instant> attempts() {
            return attempts;
        }

        @Override
        public Set<String> handles() {
            return Set.of(FLAKY);
        }

        @Override
        public void handle(ReceivedActivity activity) {
            attempts.add(Instant.now());
            if (activity.attempt() <= 2) {
                throw new IllegalStateException("not yet, attempt " + activity.attempt());
            }
        }
    }

    /** Always fails. */
    @ApplicationScoped
    static class BrokenHandler implements ActivityHandler {
        private final AtomicInteger calls = new AtomicInteger();

        int calls() {
            return calls.get();
        }

        @Override
        public Set<String> handles() {
            return Set.of(BROKEN);
        }

        @Override
        public void handle(ReceivedActivity activity) {
            calls.incrementAndGet();
            throw new IllegalStateException("boom on activity " + activity.id());
        }
    }

    /** Writes a row, then fails: the write must be rolled back with the failed attempt. */
    @ApplicationScoped
    static class WritesThenFailsHandler implements ActivityHandler {
        @Override
        public Set<String> handles() {
            return Set.of(WRITES_THEN_FAILS);
        }

        @Override
        public void handle(ReceivedActivity activity) {
            Snippet snippet = new Snippet();
            snippet.name = "written by a failing handler";
            snippet.slug = "failing-handler-" + activity.id() + "-" + activity.attempt();
            snippet.persistAndFlush();
            throw new IllegalStateException("failed after writing");
        }
    }
}
