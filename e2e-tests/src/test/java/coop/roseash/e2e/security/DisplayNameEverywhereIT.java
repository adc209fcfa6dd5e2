package coop.roseash.e2e.security;

import coop.roseash.e2e.SharedPlatform;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A member changes their display name on account's profile page and every service's header shows the new name at
 * once: federation stores it (through the Members contract) and account drops the member's cached auth-menu
 * everywhere. In this package for {@link WebSession}, the platform's cookie-keeping HTTP client.
 */
@ExtendWith(SharedPlatform.class)
@Order(40)
class DisplayNameEverywhereIT {

    private static final List<String> SERVICES = List.of("blog", "market", "cart", "events", "federation", "account");

    private static String url(String service) {
        return SharedPlatform.get().platform().address(service).publicUrl();
    }

    @Test
    void aNewDisplayNameShowsInEveryServicesHeader() throws Exception {
        String email = "renamed." + SharedPlatform.RUN + "@example.org";
        WebSession member = WebSession.signedIn("a renamed member", null, email, SERVICES);
        for (String service : SERVICES) {
            assertThat(headerName(member, service)).as("before, on " + service).isEqualTo("renamed." + SharedPlatform.RUN);
        }

        String account = url("account");
        Map<String, String> form = new HashMap<>();
        form.put("_csrf", member.csrfToken(account));
        form.put("display_name", "Ada of the Orchard");
        HttpResponse<String> saved = member.send("POST", account + "/profile/name",
                Map.of("Origin", account, "Sec-Fetch-Site", "same-origin"), form);
        assertThat(saved.statusCode()).as("saving the name").isEqualTo(303);

        for (String service : SERVICES) {
            // the other replicas hear the invalidation over Redis pub/sub: allow it a moment to arrive
            String shown = headerName(member, service);
            for (int i = 0; i < 25 && !shown.equals("Ada of the Orchard"); i++) {
                Thread.sleep(200);
                shown = headerName(member, service);
            }
            assertThat(shown).as("after, on " + service).isEqualTo("Ada of the Orchard");
        }
    }

    private static String headerName(WebSession session, String service) {
        HttpResponse<String> home = session.follow(url(service) + "/");
        assertThat(home.statusCode()).as(service + "'s home").isEqualTo(200);
        Document page = Jsoup.parse(home.body());
        return page.select(".auth-menu .member-name").text();
    }
}
