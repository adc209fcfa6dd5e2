package coop.roseash.shared.web.edge;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.MultiMap;
import org.junit.jupiter.api.Test;

/** Which paths are kept from the proxy, and what marks a request as having come through it. */
class OperatorPathsTest {

    @Test
    void operatorPathsAreQAndInternalWithWhatIsBelow() {
        assertThat(OperatorPaths.isOperatorPath("/q")).isTrue();
        assertThat(OperatorPaths.isOperatorPath("/q/health/ready")).isTrue();
        assertThat(OperatorPaths.isOperatorPath("/internal/fragments/nav-tree")).isTrue();
        assertThat(OperatorPaths.isOperatorPath("/quiz")).isFalse();
        assertThat(OperatorPaths.isOperatorPath("/internals")).isFalse();
        assertThat(OperatorPaths.isOperatorPath("/blog/q/x")).isFalse();
        assertThat(OperatorPaths.isOperatorPath(null)).isFalse();
    }

    @Test
    void anyForwardingHeaderMarksAProxiedRequest() {
        assertThat(OperatorPaths.forwarded(MultiMap.caseInsensitiveMultiMap())).isFalse();
        assertThat(OperatorPaths.forwarded(MultiMap.caseInsensitiveMultiMap().add("x-forwarded-for", "1.2.3.4"))).isTrue();
        assertThat(OperatorPaths.forwarded(MultiMap.caseInsensitiveMultiMap().add("Forwarded", "for=1.2.3.4"))).isTrue();
        assertThat(OperatorPaths.forwarded(MultiMap.caseInsensitiveMultiMap().add("X-Real-IP", "1.2.3.4"))).isTrue();
    }
}
