package coop.roseash.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReplicasTest {

    private static final PlatformConfig.ServiceAddress BLOG =
            new PlatformConfig.ServiceAddress("blog", 8001, "http://blog.localhost:8001", "http://127.0.0.1:8001");

    @Test
    void replicasAfterTheFirstListenAHundredPortsApart() {
        Replicas replicas = Replicas.parse("blog=3, cart=2");
        assertThat(replicas.of(BLOG)).extracting(Replicas.Replica::instance, Replicas.Replica::port)
                .containsExactly(tuple("blog-1", 8001), tuple("blog-2", 8101),
                        tuple("blog-3", 8201));
        assertThat(replicas.of("cart")).isEqualTo(2);
        assertThat(replicas.of("market")).isEqualTo(1);
        assertThat(replicas.any()).isTrue();
        assertThat(Replicas.parse("blog=1").any()).isFalse();
        assertThat(replicas).hasToString("blog=3,cart=2");
    }

    @Test
    void aWrongSpecSaysWhatIsExpected() {
        assertThatThrownBy(() -> Replicas.parse("blgo=2")).hasMessageContaining("SERVICE one of blog, market");
        assertThatThrownBy(() -> Replicas.parse("blog")).hasMessageContaining("SERVICE=N");
        assertThatThrownBy(() -> Replicas.parse("blog=0")).hasMessageContaining("from 1 to 9");
        assertThatThrownBy(() -> Replicas.parse("blog=x")).hasMessageContaining("not 'x'");
    }

    @Test
    void behindTheProxyPublicUrlsGoThroughItAndInternalOnesDoNot() {
        Map<String, PlatformConfig.ServiceAddress> routed = Replicas.behindProxy(Map.of("blog", BLOG), 8000);
        assertThat(routed.get("blog").publicUrl()).isEqualTo("http://blog.localhost:8000");
        assertThat(routed.get("blog").internalUrl()).isEqualTo("http://127.0.0.1:8001");
        assertThat(routed.get("blog").port()).isEqualTo(8001);
    }

    @Test
    void caddyGetsEachServicesReplicasAsItsUpstreams() {
        Map<String, String> env = CaddyProxy.environment(8000, Map.of("blog", List.of(8001, 8101), "market", List.of(8002)));
        assertThat(env).containsEntry("BLOG_UPSTREAMS", "127.0.0.1:8001 127.0.0.1:8101")
                .containsEntry("MARKET_UPSTREAMS", "127.0.0.1:8002").containsEntry("ROSEASH_PROXY_PORT", "8000")
                .containsEntry("ROSEASH_PROXY_SCHEME", "http").containsEntry("ROSEASH_DOMAIN", "localhost");
    }

    @Test
    void upTakesNoDemoAndReplicasInAnyOrder() {
        Launcher.UpOptions options = Launcher.UpOptions.parse(List.of("--replicas", "blog=2,cart=2", "--no-demo"));
        assertThat(options.valid()).isTrue();
        assertThat(options.demo()).isFalse();
        assertThat(options.replicas().of("cart")).isEqualTo(2);
        assertThat(Launcher.UpOptions.parse(List.of()).replicas().any()).isFalse();
        assertThat(Launcher.UpOptions.parse(List.of("--replicas")).error()).contains("unexpected option '--replicas'");
        assertThat(Launcher.UpOptions.parse(List.of("--replicas", "x=2")).error()).contains("SERVICE=N");
        assertThat(Launcher.UpOptions.parse(List.of("--fast")).valid()).isFalse();
    }
}
