package coop.roseash.events.fragments;

import coop.roseash.devinfra.PlatformTestResource;
import coop.roseash.events.support.Fixtures;
import coop.roseash.shared.fragments.FragmentParams;
import coop.roseash.shared.model.events.Calendar;
import coop.roseash.shared.model.events.EntryState;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What events renders for other services' pages. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class EventsFragmentsTest {

    @Inject
    ContainerCardsFragment cards;

    @Inject
    ContainerNavFragment nav;

    @Inject
    LinkCardFragment linkCard;

    @Inject
    AccountNavItemFragment accountNav;

    @Inject
    AccountPageFragment accountPage;

    @Inject
    coop.roseash.shared.services.events.TicketOfferSource tickets;

    private static long pageOf(long calendar) {
        return QuarkusTransaction.requiringNew().call(() -> Calendar.<Calendar>findById(calendar).containerId);
    }

    @Test
    void containerCardsShowAPagesUpcomingPublicConfirmedEventsAndAPostsLinkedOnes() {
        long calendar = Fixtures.calendar("Europe/London");
        long page = pageOf(calendar);
        long soon = Fixtures.entry(calendar, "Soon", 2, EntryState.CONFIRMED, true);
        Fixtures.entry(calendar, "Later", 9, EntryState.CONFIRMED, true);
        Fixtures.entry(calendar, "Past", -9, EntryState.CONFIRMED, true);
        Fixtures.entry(calendar, "Unconfirmed", 3, EntryState.PENDING, true);
        Fixtures.entry(calendar, "Hidden", 3, EntryState.CONFIRMED, false);

        Document html = Jsoup.parseBodyFragment(cards.render(FragmentParams.of(Map.of("container_type", "page",
                "container_id", page, "variant", "card"))));
        assertThat(html.select("li.card a").eachText()).containsExactly("Soon", "Later");
        assertThat(html.select("li.card a").first().attr("href")).isEqualTo("http://events.localhost:8004/entries/" + soon);

        long post = page + 1;
        QuarkusTransaction.requiringNew().run(() -> Calendar.getEntityManager().createNativeQuery(
                "INSERT INTO entry_posts (entry_id, post_id) VALUES (?1, ?2)").setParameter(1, soon)
                .setParameter(2, post).executeUpdate());
        Document forPost = Jsoup.parseBodyFragment(cards.render(FragmentParams.of(Map.of("container_type", "post",
                "container_id", post, "variant", "full"))));
        assertThat(forPost.select("li.card a").eachText()).containsExactly("Soon");
        assertThat(cards.render(FragmentParams.of(Map.of("container_type", "post", "container_id", post + 1,
                "variant", "card")))).isEmpty();

        Document navHtml = Jsoup.parseBodyFragment(nav.render(FragmentParams.of(Map.of("container_type", "page",
                "container_id", page, "variant", "full"))));
        assertThat(navHtml.select("a").attr("href")).isEqualTo("http://events.localhost:8004/calendars/" + calendar);

        Document card = Jsoup.parseBodyFragment(linkCard.render(FragmentParams.of(Map.of("slug", String.valueOf(soon)))));
        assertThat(card.select("a.link-card .link-card-title").text()).isEqualTo("Soon");
        assertThat(linkCard.render(FragmentParams.of(Map.of("slug", "nonsense")))).isEmpty();

        assertThat(Jsoup.parseBodyFragment(accountNav.render(FragmentParams.of(Map.of("user_id", 5))))
                .select("a").eachText()).containsExactly("Tickets", "Bookings");
    }

    @Test
    void theAccountPagesShowTheMembersOwnTicketsWithQrCodesAndBookings() {
        long member = java.util.concurrent.ThreadLocalRandom.current().nextLong(100_000, 1_000_000_000);
        long calendar = Fixtures.calendar("Europe/London");
        long entry = Fixtures.entry(calendar, "Open mic", 4, EntryState.CONFIRMED, true);
        long type = Fixtures.ticketType(entry, "Seat", 20);
        var paid = new coop.roseash.shared.contracts.cart.OrderLine(member, "ticket", type, 2,
                coop.roseash.shared.contracts.Identity.member(member));
        var unpaid = new coop.roseash.shared.contracts.cart.OrderLine(member + 1, "ticket", type, 1,
                coop.roseash.shared.contracts.Identity.member(member));
        QuarkusTransaction.requiringNew().run(() -> tickets.reserve(paid));
        QuarkusTransaction.requiringNew().run(() -> tickets.confirm(paid));
        QuarkusTransaction.requiringNew().run(() -> tickets.reserve(unpaid));

        Document page = Jsoup.parseBodyFragment(accountPage.render(FragmentParams.of(Map.of("user_id", member,
                "slug", "tickets"))));
        assertThat(page.select("li.ticket")).hasSize(3);
        assertThat(page.select("li.ticket svg.ticket-qr")).hasSize(2);
        assertThat(page.text()).contains("awaiting payment");
        assertThat(page.select("li.ticket a").first().attr("href")).startsWith("http://events.localhost:8004/tickets/");
        assertThat(Jsoup.parseBodyFragment(accountPage.render(FragmentParams.of(Map.of("user_id", member + 7,
                "slug", "tickets")))).text()).contains("You have no tickets yet.");
        assertThat(Jsoup.parseBodyFragment(accountPage.render(FragmentParams.of(Map.of("user_id", member,
                "slug", "bookings")))).text()).contains("You have no bookings.");
        assertThat(accountPage.render(FragmentParams.of(Map.of("user_id", member, "slug", "other")))).isEmpty();
    }
}
