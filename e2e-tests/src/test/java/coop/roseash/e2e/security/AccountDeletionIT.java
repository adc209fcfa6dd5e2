package coop.roseash.e2e.security;

import coop.roseash.e2e.MailedLinks;
import coop.roseash.e2e.SharedPlatform;
import coop.roseash.e2e.TestDatabase;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A member deletes their account from account's profile, confirmed by the link mailed to them: every service handles
 * {@code member.deleted} from the event bus (federation erases the member and signs them out everywhere, blog keeps
 * their post by a "Former member", cart drops their cart); signing in again with the old address makes a new member
 * whose export holds nothing of the old one. In this package for {@link WebSession}.
 */
@ExtendWith(SharedPlatform.class)
@Order(44)
class AccountDeletionIT {

    private static final List<String> CLIENTS = List.of("blog", "market", "cart", "events", "account");
    private static final Pattern DELETE_LINK = Pattern.compile("https?://[^/\\s]+(/delete/confirm/[A-Za-z0-9_-]+)");

    private static String url(String service) {
        return SharedPlatform.get().platform().address(service).publicUrl();
    }

    @Test
    void aDeletedMemberIsErasedEverywhereAndTheOldAddressStartsAfresh() throws Exception {
        TestDatabase db = SharedPlatform.get().database();
        String email = "leaving." + SharedPlatform.RUN + "@example.org";
        WebSession member = WebSession.signedIn("a leaving member", null, email, CLIENTS);
        long id = db.userId(email);
        db.insertDraftPostBy(id, "leaving-" + SharedPlatform.RUN, "Notes before leaving", "<p>Still worth reading</p>");
        db.insertMemberCartItem(id, 11, 2);
        String account = url("account");
        Map<String, String> browser = Map.of("Origin", account, "Sec-Fetch-Site", "same-origin");

        var before = MailedLinks.mailsNow(SharedPlatform.get().mailDir());
        HttpResponse<String> asked = member.send("POST", account + "/profile/delete", browser,
                Map.of("_csrf", member.csrfToken(account)));
        assertThat(asked.statusCode()).isEqualTo(303);
        String link = account + MailedLinks.newLink(SharedPlatform.get().mailDir(), email, before, DELETE_LINK);
        assertThat(Jsoup.parse(member.get(link).body()).select("#confirm-delete")).as("opening the link only asks").hasSize(1);
        assertThat(db.longOrMinusOne("SELECT count(*) FROM users WHERE id = ?", id)).isEqualTo(1);

        HttpResponse<String> deleted = member.send("POST", link, browser, Map.of("_csrf", member.csrfToken(account)));
        assertThat(Jsoup.parse(deleted.body()).select("#account-deleted").text()).contains("deleted");

        await("federation erases the member", () -> db.longOrMinusOne("SELECT count(*) FROM users WHERE id = ?", id) == 0);
        await("cart drops the cart", () -> db.longOrMinusOne("SELECT count(*) FROM cart_items WHERE user_id = ?", id) == 0);
        await("blog keeps the post by a former member", () -> "Former member".equals(db.text("SELECT a.name FROM posts p"
                + " JOIN authors a ON a.id = p.author_id WHERE p.slug = ?", "leaving-" + SharedPlatform.RUN)));
        for (String service : CLIENTS) {
            await("signed out on " + service, () -> headerName(member, service).isEmpty());
        }
        assertThat(member.get(account + "/export.json").statusCode()).as("the old session's export").isIn(303, 410);

        WebSession again = WebSession.signedIn("the same address, later", null, email, List.of("account"));
        long newId = db.userId(email);
        assertThat(newId).isNotEqualTo(id);
        HttpResponse<String> export = again.get(account + "/export.json");
        assertThat(export.statusCode()).isEqualTo(200);
        String body = export.body().replace(" ", "");
        assertThat(body).contains("\"member\":{\"id\":" + newId + ",").contains("\"orders\":[]")
                .contains("\"newsletterSubscriptions\":[]").doesNotContain("\"id\":" + id + ",");
        assertThat(db.longOrMinusOne("SELECT count(*) FROM authors WHERE user_id = ?", newId)).as("no old author row").isZero();
    }

    private static String headerName(WebSession session, String service) {
        return Jsoup.parse(session.follow(url(service) + "/").body()).select(".auth-menu .member-name").text();
    }

    private static void await(String what, BooleanSupplier done) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 20_000;
        while (!done.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("not within 20 s: " + what);
            }
            Thread.sleep(250);
        }
    }
}
