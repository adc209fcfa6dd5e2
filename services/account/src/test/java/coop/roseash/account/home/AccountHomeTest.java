package coop.roseash.account.home;

import static org.assertj.core.api.Assertions.assertThat;

import coop.roseash.devinfra.PlatformTestResource;
import coop.roseash.devinfra.ShellProbe;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import org.junit.jupiter.api.Test;

/** The account service's shell: home page in the shared layout, security headers, text/sx, errors, health, metrics. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class AccountHomeTest {

    @TestHTTPResource("/")
    URI base;

    @Test
    void homeSaysWhatTheServiceIsForInARoseAshShell() {
        assertThat(ShellProbe.problems(base, "<title>Account · Rose Ash</title>", "<h1>Your account</h1>")).isEmpty();
    }
}
