package coop.roseash.events.tickets;

import coop.roseash.devinfra.PlatformTestResource;
import coop.roseash.events.support.Fixtures;
import coop.roseash.shared.contracts.Identity;
import coop.roseash.shared.contracts.cart.CartRefusal;
import coop.roseash.shared.contracts.cart.OrderLine;
import coop.roseash.shared.model.events.EntryState;
import coop.roseash.shared.services.events.TicketOfferSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static coop.roseash.events.support.Fixtures.admin;
import static coop.roseash.events.support.Fixtures.count;
import static coop.roseash.events.support.Fixtures.taken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;

/** Capacity is never exceeded: checked by the conditional UPDATE and, underneath, by the schema's CHECK. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class TicketCapacityTest {

    private static final int BUYERS = 50;

    @Inject
    TicketOfferSource tickets;

    private static long lastFiveOf(int capacity) {
        long calendar = Fixtures.calendar("Europe/London");
        long entry = Fixtures.entry(calendar, "Sold-out gig", 20, EntryState.CONFIRMED, true);
        long type = Fixtures.ticketType(entry, "Standing", capacity);
        // all but five already gone
        QuarkusTransaction.requiringNew().run(() -> coop.roseash.shared.model.events.TicketType.getEntityManager()
                .createNativeQuery("UPDATE ticket_types SET taken = ?1 WHERE id = ?2")
                .setParameter(1, capacity - 5).setParameter(2, type).executeUpdate());
        return type;
    }

    /** What checkout does for one buyer: reserve in its own transaction; true when it got its ticket. */
    private Callable<Boolean> buyer(long type, long order, CountDownLatch start, List<String> refusals) {
        return () -> {
            start.await();
            try {
                QuarkusTransaction.requiringNew().run(() -> tickets.reserve(
                        new OrderLine(order, "ticket", type, 1, Identity.member(order))));
                return true;
            } catch (CartRefusal refusal) {
                synchronized (refusals) {
                    refusals.add(refusal.getMessage());
                }
                return false;
            }
        };
    }

    @Test
    void fiftyParallelBuyersForTheLastFiveGetExactlyFive() throws Exception {
        long type = lastFiveOf(100);
        CountDownLatch start = new CountDownLatch(1);
        List<String> refusals = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(BUYERS);
        List<Future<Boolean>> results = new ArrayList<>();
        for (int i = 0; i < BUYERS; i++) {
            results.add(pool.submit(buyer(type, 7_000_000L + i, start, refusals)));
        }
        start.countDown();
        int won = 0;
        for (Future<Boolean> f : results) {
            won += f.get() ? 1 : 0;
        }
        pool.shutdown();

        assertThat(won).isEqualTo(5);
        assertThat(refusals).hasSize(45).allMatch(m -> m.equals("Sorry, “Sold-out gig — Standing” is sold out."));
        assertThat(taken(type)).isEqualTo(100);
        assertThat(count("SELECT count(*) FROM tickets WHERE ticket_type_id = ?1 AND state = 'reserved'", type))
                .isEqualTo(5);
    }

    /**
     * Two replicas: half the buyers go through this application's {@link TicketOfferSource}, the other half through
     * their own raw JDBC connections (as another JVM would, with no Java check at all: a bare {@code taken = taken + 1}).
     * Only the database stands between them, and it still lets exactly five through.
     */
    @Test
    void theDatabaseHoldsTheLineAcrossConnectionsToo() throws Exception {
        long type = lastFiveOf(40);
        var config = ConfigProvider.getConfig();
        String url = config.getValue("quarkus.datasource.jdbc.url", String.class);
        String user = config.getValue("quarkus.datasource.username", String.class);
        String password = config.getOptionalValue("quarkus.datasource.password", String.class).orElse("");
        CountDownLatch start = new CountDownLatch(1);
        List<String> refusals = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(BUYERS);
        List<Future<Boolean>> results = new ArrayList<>();
        for (int i = 0; i < BUYERS; i++) {
            if (i % 2 == 0) {
                results.add(pool.submit(buyer(type, 8_000_000L + i, start, refusals)));
            } else {
                results.add(pool.submit(() -> {
                    try (Connection c = DriverManager.getConnection(url, user, password);
                         PreparedStatement take = c.prepareStatement(
                                 "UPDATE ticket_types SET taken = taken + 1 WHERE id = ?")) {
                        take.setLong(1, type);
                        start.await();
                        take.executeUpdate();
                        return true;
                    } catch (SQLException e) {
                        assertThat(e.getMessage()).contains("ticket_types_taken_within_capacity");
                        return false;
                    }
                }));
            }
        }
        start.countDown();
        int won = 0;
        for (Future<Boolean> f : results) {
            won += f.get() ? 1 : 0;
        }
        pool.shutdown();
        assertThat(won).isEqualTo(5);
        assertThat(taken(type)).isEqualTo(40);
    }

    @Test
    void releaseGivesThePlacesBackAndConfirmIssuesWithUniqueCodes() {
        long type = lastFiveOf(10);
        QuarkusTransaction.requiringNew().run(() -> tickets.reserve(
                new OrderLine(91, "ticket", type, 3, Identity.member(91))));
        assertThat(taken(type)).isEqualTo(8);
        QuarkusTransaction.requiringNew().run(() -> tickets.release(
                new OrderLine(91, "ticket", type, 3, Identity.member(91))));
        assertThat(taken(type)).isEqualTo(5);
        assertThat(count("SELECT count(*) FROM tickets WHERE order_id = 91 AND ticket_type_id = ?1"
                + " AND state = 'cancelled'", type)).isEqualTo(3);

        QuarkusTransaction.requiringNew().run(() -> tickets.reserve(
                new OrderLine(92, "ticket", type, 5, Identity.member(92))));
        QuarkusTransaction.requiringNew().run(() -> tickets.confirm(
                new OrderLine(92, "ticket", type, 5, Identity.member(92))));
        assertThat(count("SELECT count(DISTINCT code) FROM tickets WHERE order_id = 92 AND state = 'issued'"
                + " AND code ~ '^[A-Z2-7]{32}$'")).isEqualTo(5);
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> tickets.reserve(
                new OrderLine(93, "ticket", type, 1, Identity.member(93)))))
                .isInstanceOf(CartRefusal.class).hasMessageContaining("sold out");
    }

    @Test
    void aCapacityBelowWhatIsSoldOrNegativeIsRefused() {
        long type = lastFiveOf(10); // 5 taken
        long entry = count("SELECT entry_id FROM ticket_types WHERE id = ?1", type);
        admin().formParam("capacity", "4").post("/admin/ticket-types/" + type + "/capacity").then().statusCode(409)
                .body(containsString("5 tickets of “Standing” are already sold or reserved"));
        admin().formParam("capacity", "-1").post("/admin/ticket-types/" + type + "/capacity").then().statusCode(422)
                .body(containsString("Capacity cannot be negative"));
        assertThat(count("SELECT capacity FROM ticket_types WHERE id = ?1", type)).isEqualTo(10);
        admin().formParam("capacity", "5").post("/admin/ticket-types/" + type + "/capacity").then().statusCode(303);
        assertThat(count("SELECT capacity FROM ticket_types WHERE id = ?1", type)).isEqualTo(5);

        admin().formParam("name", "Negative").formParam("price", "5").formParam("capacity", "-3")
                .post("/admin/entries/" + entry + "/ticket-types").then().statusCode(422)
                .body(containsString("Capacity cannot be negative"));
        admin().formParam("name", "Minus price").formParam("price", "-5")
                .post("/admin/entries/" + entry + "/ticket-types").then().statusCode(422)
                .body(containsString("not negative"));
        assertThat(count("SELECT count(*) FROM ticket_types WHERE entry_id = ?1", entry)).isEqualTo(1);

        // and underneath, the schema refuses it whoever asks
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() ->
                coop.roseash.shared.model.events.TicketType.getEntityManager()
                        .createNativeQuery("UPDATE ticket_types SET capacity = 2 WHERE id = ?1")
                        .setParameter(1, type).executeUpdate()))
                .hasStackTraceContaining("ticket_types_taken_within_capacity");
    }
}
