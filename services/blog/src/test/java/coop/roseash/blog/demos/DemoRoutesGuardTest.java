package coop.roseash.blog.demos;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.IOException;
import java.net.URL;
import org.junit.jupiter.api.Test;

/** Which paths the switch hides, and where blog's own configuration turns the demos on. */
class DemoRoutesGuardTest {

    @Test
    void theDemoPathsAreSxDemosAndBelow() {
        assertThat(DemoRoutesGuard.isDemoPath("/sx/demos")).isTrue();
        assertThat(DemoRoutesGuard.isDemoPath("/sx/demos/counter")).isTrue();
        assertThat(DemoRoutesGuard.isDemoPath("/sx/demos/tabs/tools")).isTrue();
        assertThat(DemoRoutesGuard.isDemoPath("/sx/demosaurus")).isFalse();
        assertThat(DemoRoutesGuard.isDemoPath("/sx/other")).isFalse();
        assertThat(DemoRoutesGuard.isDemoPath("/demos")).isFalse();
        assertThat(DemoRoutesGuard.isDemoPath(null)).isFalse();
    }

    @Test
    void theDemosAreOffInProductionAndOnInDevAndTests() throws IOException {
        assertThat(enabledIn("prod")).isFalse();
        assertThat(enabledIn("dev")).isTrue();
        assertThat(enabledIn("test")).isTrue();
    }

    /** roseash.blog.demos.enabled as blog's application.properties sets it for a profile. */
    private static boolean enabledIn(String profile) throws IOException {
        URL properties = DemoRoutesGuardTest.class.getResource("/application.properties");
        SmallRyeConfig config = new SmallRyeConfigBuilder().withProfile(profile)
                .withSources(new PropertiesConfigSource(properties, 250)).build();
        return config.getValue("roseash.blog.demos.enabled", Boolean.class);
    }
}
