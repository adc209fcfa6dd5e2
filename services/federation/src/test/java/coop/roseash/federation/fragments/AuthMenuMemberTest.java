package coop.roseash.federation.fragments;

import coop.roseash.devinfra.PlatformTestResource;
import coop.roseash.federation.SsoTestProfile;
import coop.roseash.federation.login.Members;
import coop.roseash.shared.fragments.FragmentParams;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The auth-menu fragment: "Sign in" for visitors, the member's name with account and sign-out links once signed in. */
@QuarkusTest
@TestProfile(SsoTestProfile.class)
@QuarkusTestResource(PlatformTestResource.class)
class AuthMenuMemberTest {
    @Inject
    AuthMenuFragment menu;
    @Inject
    Members members;

    @Test
    void showsTheMembersNameAndMenu() {
        long id = members.signIn("ada.lovelace@example.org").id();
        Document html = Jsoup.parse(menu.render(FragmentParams.of("user_id", id)));
        assertThat(html.select(".member-name").text()).isEqualTo("ada.lovelace");
        assertThat(html.select("a.sign-out").attr("href")).isEqualTo("/auth/logout");
        assertThat(html.select("a:contains(Your account)").attr("href")).isEqualTo("http://account.localhost:8006/");
        assertThat(html.select("a.sign-in")).isEmpty();
    }

    @Test
    void showsSignInForVisitorsAndUnknownIds() {
        for (FragmentParams params : new FragmentParams[]{FragmentParams.NONE, FragmentParams.of("user_id", "999999999"),
                FragmentParams.of("user_id", "not-a-number")}) {
            Document html = Jsoup.parse(menu.render(params));
            assertThat(html.select("a.sign-in").attr("href")).isEqualTo("/auth/login");
            assertThat(html.select(".member-name")).isEmpty();
        }
    }
}
