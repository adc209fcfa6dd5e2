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
 * One member, two browsers (a laptop and a phone), each signed in on every service. On the laptop, account's
 * dashboard lists both sessions, this one marked, with the device and the services each used; "Sign out everywhere
 * else" then signs the phone out on every service it used (federation's back-channel logout reached each of them)
 * while the laptop stays signed in everywhere. In this package for {@link WebSession}.
 */
@ExtendWith(SharedPlatform.class)
@Order(42)
class SignOutElsewhereIT {

    private static final List<String> CLIENTS = List.of("blog", "market", "cart", "events", "account");
    private static final String FIREFOX = "Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";
    private static final String IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15"
            + " (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1";

    private static String url(String service) {
        return SharedPlatform.get().platform().address(service).publicUrl();
    }

    @Test
    void signingOutEverywhereElseEndsTheOtherBrowsersSessionOnEveryServiceOnly() throws Exception {
        String email = "two-browsers." + SharedPlatform.RUN + "@example.org";
        String name = "two-browsers." + SharedPlatform.RUN;
        WebSession phone = WebSession.signedIn("the member's phone", IPHONE, email, CLIENTS);
        WebSession laptop = WebSession.signedIn("the member's laptop", FIREFOX, email, CLIENTS);
        for (String service : CLIENTS) {
            assertThat(headerName(phone, service)).as("the phone, before, on " + service).isEqualTo(name);
            assertThat(headerName(laptop, service)).as("the laptop, before, on " + service).isEqualTo(name);
        }

        Document dashboard = Jsoup.parse(laptop.follow(url("account") + "/").body());
        assertThat(dashboard.select(".session .session-device").eachText())
                .containsExactly("Firefox 128 on Ubuntu", "Mobile Safari 17 on iOS (iPhone)");
        assertThat(dashboard.select(".session.current .session-device").text()).isEqualTo("Firefox 128 on Ubuntu");
        assertThat(dashboard.select(".session:not(.current) .session-services").text()).contains("blog", "market", "cart",
                "events", "account");

        Map<String, String> form = new HashMap<>();
        form.put("_csrf", laptop.csrfToken(url("account")));
        HttpResponse<String> done = laptop.send("POST", url("account") + "/sessions/sign-out-others",
                Map.of("Origin", url("account"), "Sec-Fetch-Site", "same-origin"), form);
        assertThat(done.statusCode()).as("signing out everywhere else").isEqualTo(303);
        assertThat(Jsoup.parse(laptop.followFrom(done).body()).select(".notice").text())
                .contains("signed out everywhere else");

        for (String service : CLIENTS) {
            assertThat(headerName(phone, service)).as("the phone, after, on " + service).isEmpty();
            assertThat(headerName(laptop, service)).as("the laptop, after, on " + service).isEqualTo(name);
        }
        // federation's own session of the phone is gone too: going back to a service does not sign it in again
        assertThat(Jsoup.parse(phone.follow(url("federation") + "/").body()).select(".auth-menu .member-name").text())
                .isEmpty();
        assertThat(headerName(phone, "account")).isEmpty();
        assertThat(Jsoup.parse(laptop.follow(url("account") + "/").body()).select(".session .session-device").eachText())
                .containsExactly("Firefox 128 on Ubuntu");
    }

    private static String headerName(WebSession session, String service) {
        HttpResponse<String> home = session.follow(url(service) + "/");
        assertThat(home.statusCode()).as(session + " on " + service + "'s home").isEqualTo(200);
        return Jsoup.parse(home.body()).select(".auth-menu .member-name").text();
    }
}
