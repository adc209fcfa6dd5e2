package coop.roseash.shared.fragments;

import static org.assertj.core.api.Assertions.assertThat;

import coop.roseash.devinfra.PlatformTestResource;
import coop.roseash.shared.web.SiteHeader;
import coop.roseash.shared.web.SiteHeaderSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The page layout's SiteHeaderSource is the fragments client, asking each provider with the visitor's identity. */
@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
@TestProfile(FragmentTestProfile.class)
class SiteHeaderFragmentsTest {

    @Inject
    SiteHeaderSource header;

    @Inject
    FragmentCache cache;

    @BeforeEach
    void emptyCache() {
        cache.invalidateAll("blog", "nav-tree");
        cache.invalidateAll("federation", "auth-menu");
        cache.invalidateAll("cart", "cart-mini");
    }

    private SiteHeader load(Long userId, String deviceId) throws Exception {
        return header.load(userId, deviceId).toCompletableFuture().get(5, TimeUnit.SECONDS);
    }

    @Test
    void aMembersHeaderAsksForTheMembersMenuAndCart() throws Exception {
        SiteHeader site = load(42L, "device-1");

        assertThat(header).isInstanceOf(SiteHeaderFragments.class);
        assertThat(site.navTreeHtml()).isEqualTo("<i>nav-tree?</i>");
        assertThat(site.authMenuHtml()).isEqualTo("<i>auth-menu?user_id=42</i>");
        assertThat(site.cartMiniHtml()).isEqualTo("<i>cart-mini?user_id=42</i>");
    }

    /**
     * A 404 page is made on the event loop (no resource method matched). Rendered there, each page would hold an
     * event-loop thread while its header is fetched from this same application, so with more pages at once than
     * event loops the fetches could not be answered and every header timed out empty.
     */
    @Test
    void pagesMadeOnTheEventLoopStillGetTheirHeader() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        int pages = 2 * Runtime.getRuntime().availableProcessors() * 2 + 2; // more than Quarkus's event loops
        List<CompletableFuture<HttpResponse<String>>> responses = IntStream.range(0, pages)
                .mapToObj(i -> http.sendAsync(HttpRequest.newBuilder(URI.create(
                                "http://127.0.0.1:" + FragmentTestProfile.PORT_NUMBER + "/no-such-page-" + i))
                        .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString()))
                .toList();
        for (CompletableFuture<HttpResponse<String>> response : responses) {
            HttpResponse<String> page = response.get(10, TimeUnit.SECONDS);
            assertThat(page.statusCode()).isEqualTo(404);
            assertThat(page.body()).contains("<i>nav-tree?</i>");
        }
    }

    @Test
    void anAnonymousVisitorsCartIsTheDevicesCart() throws Exception {
        SiteHeader site = load(null, "device-1");

        assertThat(site.authMenuHtml()).isEqualTo("<i>auth-menu?</i>");
        assertThat(site.cartMiniHtml()).isEqualTo("<i>cart-mini?device_id=device-1</i>");
    }
}
