package coop.roseash.account.export;

import coop.roseash.account.newsletters.Newsletters;
import coop.roseash.account.support.Fixtures;
import coop.roseash.account.support.TestVisitors;
import coop.roseash.devinfra.PlatformTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** The member's data download: their own rows, nobody else's. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class ExportTest {

    @Inject
    EntityManager em;
    @Inject
    Fixtures fixtures;
    @Inject
    Newsletters newsletters;

    private long member(String email) {
        return fixtures.member(email, "Export Me");
    }

    @Test
    void aMemberDownloadsTheirOwnDataAndNoOneElses() {
        String mine = Fixtures.unique("export") + "@example.org";
        String theirs = Fixtures.unique("other") + "@example.org";
        long me = member(mine);
        long other = member(theirs);
        long newsletter = fixtures.newsletter();
        newsletters.subscribeMember(newsletter, me, mine);
        newsletters.subscribeMember(newsletter, other, theirs);

        String body = given().header(TestVisitors.HEADER, me + ":" + mine + ":member").get("/export.json")
                .then().statusCode(200).header("Content-Disposition", "attachment; filename=\"rose-ash-account.json\"")
                .extract().asString();
        JsonPath json = JsonPath.from(body);
        assertThat(json.getString("member.email")).isEqualTo(mine);
        assertThat(json.getString("member.displayName")).isEqualTo("Export Me");
        assertThat(json.getList("newsletterSubscriptions.email")).containsExactly(mine);
        assertThat(json.getList("notIncluded")).isNotEmpty();
        assertThat(body).doesNotContain(theirs);
    }

    private void sql(String sql, Object... params) {
        QuarkusTransaction.requiringNew().run(() -> {
            var q = em.createNativeQuery(sql);
            for (int i = 0; i < params.length; i++) {
                q.setParameter(i + 1, params[i]);
            }
            q.executeUpdate();
        });
    }

    private long id(String sql, Object... params) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var q = em.createNativeQuery(sql);
            for (int i = 0; i < params.length; i++) {
                q.setParameter(i + 1, params[i]);
            }
            return ((Number) q.getSingleResult()).longValue();
        });
    }

    /** An order with one line, a calendar entry booked and a ticket for it, as cart and events write them. */
    private void bought(long member, String what) {
        long order = id("INSERT INTO orders (user_id, container_type, container_id, status, checkout_reference, amount_cents,"
                + " email, paid_at) VALUES (?1, 'page', 1, 'paid', ?2, 3000, 'x@example.org', now()) RETURNING id",
                member, Fixtures.unique("ref-" + what));
        sql("INSERT INTO order_items (order_id, item_type, item_id, title, quantity, unit_price_cents)"
                + " VALUES (?1, 'ticket', 1, ?2, 2, 1500)", order, what + " ticket");
        long calendar = id("INSERT INTO calendars (container_type, container_id, name, slug) VALUES ('page', 1, ?1, ?2)"
                + " RETURNING id", what + " hall", Fixtures.unique("hall"));
        long entry = id("INSERT INTO calendar_entries (calendar_id, title, starts_at, ends_at, state, user_id, order_id)"
                + " VALUES (?1, ?2, now() + interval '1 day', now() + interval '26 hours', 'confirmed', ?3, ?4) RETURNING id",
                calendar, what + " night", member, order);
        long type = id("INSERT INTO ticket_types (entry_id, name, price_cents) VALUES (?1, 'Standard', 1500) RETURNING id", entry);
        sql("INSERT INTO tickets (ticket_type_id, code, state, user_id, order_id) VALUES (?1, ?2, 'issued', ?3, ?4)",
                type, Fixtures.unique(what + "-code"), member, order);
    }

    @Test
    void theDownloadHoldsTheMembersOrdersTicketsAndBookings() {
        String mine = Fixtures.unique("buyer") + "@example.org";
        long me = member(mine);
        long other = member(Fixtures.unique("other-buyer") + "@example.org");
        bought(me, "Jazz");
        bought(other, "Opera");

        JsonPath json = JsonPath.from(given().header(TestVisitors.HEADER, me + ":" + mine + ":member").get("/export.json")
                .then().statusCode(200).extract().asString());
        assertThat(json.getList("orders.amountCents")).containsExactly(3000);
        assertThat(json.getList("orders[0].lines.title")).containsExactly("Jazz ticket");
        assertThat(json.getList("tickets.event")).containsExactly("Jazz night");
        assertThat(json.getString("tickets[0].code")).startsWith("Jazz-code");
        assertThat(json.getList("bookings.title")).containsExactly("Jazz night");
        assertThat(json.getList("bookings.calendar")).containsExactly("Jazz hall");
        assertThat(json.getList("notIncluded").toString()).doesNotContain("orders").doesNotContain("tickets");
        assertThat(json.prettify()).doesNotContain("Opera");
    }

    @Test
    void visitorsAreSentToSignIn() {
        given().redirects().follow(false).get("/export.json").then().statusCode(303);
    }
}
