package coop.roseash.federation.home;

import static org.assertj.core.api.Assertions.assertThat;

import coop.roseash.devinfra.PlatformTestResource;
import coop.roseash.devinfra.ShellProbe;
import coop.roseash.federation.SsoTestProfile;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import org.junit.jupiter.api.Test;

/** The federation service's shell: home page in the shared layout, security headers, text/sx, errors, health, metrics. */
@QuarkusTest
@TestProfile(SsoTestProfile.class)
@QuarkusTestResource(PlatformTestResource.class)
class FederationHomeTest {

    @TestHTTPResource("/")
    URI base;

    @Test
    void homeSaysWhatTheServiceIsForInARoseAshShell() {
        assertThat(ShellProbe.problems(base, "<title>Federation · Rose Ash</title>", "<h1>One sign-in, and the fediverse</h1>")).isEmpty();
    }
}
