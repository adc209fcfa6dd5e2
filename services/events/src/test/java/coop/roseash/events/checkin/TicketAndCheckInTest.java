package coop.roseash.events.checkin;

import coop.roseash.devinfra.PlatformTestResource;
import coop.roseash.events.support.Fixtures;
import coop.roseash.events.support.TestVisitors;
import coop.roseash.shared.contracts.Identity;
import coop.roseash.shared.contracts.cart.OrderLine;
import coop.roseash.shared.model.events.EntryState;
import coop.roseash.shared.services.events.TicketOfferSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import static coop.roseash.events.support.Fixtures.admin;
import static coop.roseash.events.support.Fixtures.as;
import static coop.roseash.events.support.Fixtures.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

/** A member's ticket page with its QR code (theirs only), and the door: once in, never twice, only this event. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class TicketAndCheckInTest {

    @Inject
    TicketOfferSource tickets;

    /** Issues {@code n} tickets of a new entry to member 9002 (TestVisitors.MEMBER); returns the entry id. */
    private long issued(String title, int n) {
        long calendar = Fixtures.calendar("Europe/London");
        long entry = Fixtures.entry(calendar, title, 5, EntryState.CONFIRMED, true);
        long type = Fixtures.ticketType(entry, "Adult", 100);
        long order = ThreadLocalRandom.current().nextLong(1, 1_000_000_000);
        OrderLine line = new OrderLine(order, "ticket", type, n, Identity.member(9002));
        QuarkusTransaction.requiringNew().run(() -> tickets.reserve(line));
        QuarkusTransaction.requiringNew().run(() -> tickets.confirm(line));
        return entry;
    }

    private static List<Long> ticketIds(long entry) {
        return QuarkusTransaction.requiringNew().call(() -> coop.roseash.shared.model.events.Ticket.getEntityManager()
                .createNativeQuery("SELECT t.id FROM tickets t JOIN ticket_types y ON y.id = t.ticket_type_id"
                        + " WHERE y.entry_id = ?1 ORDER BY t.id", Long.class).setParameter(1, entry).getResultList());
    }

    private static String code(long ticketId) {
        return QuarkusTransaction.requiringNew().call(() -> (String) coop.roseash.shared.model.events.Ticket
                .getEntityManager().createNativeQuery("SELECT code FROM tickets WHERE id = ?1")
                .setParameter(1, ticketId).getSingleResult());
    }

    @Test
    void theOwnerSeesTheTicketWithAQrCodeThatReadsBackToItsCode() throws Exception {
        long entry = issued("Harvest supper", 2);
        long ticket = ticketIds(entry).get(0);
        Document page = Jsoup.parse(as(TestVisitors.MEMBER).get("/tickets/" + ticket).then().statusCode(200)
                .extract().asString());
        Element svg = page.selectFirst("svg.ticket-qr");
        assertThat(svg.attr("role")).isEqualTo("img");
        assertThat(page.select("figcaption code").text()).isEqualTo(code(ticket));
        assertThat(QrDecoding.decode(svg)).isEqualTo(code(ticket));

        Document list = Jsoup.parse(as(TestVisitors.MEMBER).get("/tickets").then().statusCode(200).extract().asString());
        assertThat(list.select("a[href=/tickets/" + ticket + "]")).hasSize(1);
    }

    @Test
    void anotherMembersTicketIsNotFound() {
        long entry = issued("Private view", 1);
        long ticket = ticketIds(entry).get(0);
        as(TestVisitors.OTHER_MEMBER).get("/tickets/" + ticket).then().statusCode(404);
        assertThat(as(TestVisitors.OTHER_MEMBER).get("/tickets").then().statusCode(200).extract().asString())
                .doesNotContain("Private view");
        as("").get("/tickets/" + ticket).then().statusCode(303);
    }

    @Test
    void aTicketChecksInOnceAndOnlyAtItsOwnEvent() {
        long entry = issued("Barn dance", 2);
        long other = issued("Cheese fair", 1);
        String code = code(ticketIds(entry).get(0));
        String otherCode = code(ticketIds(other).get(0));
        String door = "/admin/entries/" + entry + "/check-in";

        admin().formParam("code", "AAAA").post(door).then().statusCode(422)
                .body(containsString("That is not a ticket code"));
        admin().formParam("code", "A".repeat(32)).post(door).then().statusCode(404)
                .body(containsString("No ticket has this code."));
        admin().formParam("code", otherCode).post(door).then().statusCode(409)
                .body(containsString("This ticket is for another event: “Cheese fair”."));
        assertThat(count("SELECT count(*) FROM tickets WHERE checked_in_at IS NOT NULL AND code = ?1", otherCode))
                .isZero();

        admin().formParam("code", code.toLowerCase().substring(0, 16) + " " + code.substring(16)).post(door)
                .then().statusCode(200).body(containsString("is checked in."));
        admin().formParam("code", code).post(door).then().statusCode(409)
                .body(containsString("Already checked in at "), containsString("a ticket admits once"));
        assertThat(count("SELECT count(*) FROM tickets WHERE checked_in_at IS NOT NULL AND code = ?1", code))
                .isEqualTo(1);

        as(TestVisitors.MEMBER).contentType("application/x-www-form-urlencoded").formParam("code", code)
                .post(door).then().statusCode(403);
    }
}
