package coop.roseash.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import coop.roseash.devinfra.ShellProbe;
import java.net.URI;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each packaged service answers like a Rose Ash service (ShellProbe): its home page in the shared layout with its
 * own title and heading, the security headers and the CSRF meta tag, {@code text/sx} for engine requests, the
 * friendly 404, readiness UP and Prometheus metrics. Checked on the real jar, as deployed, rather than inside a
 * test application: it is what ops smoke-test after a deploy.
 */
@ExtendWith(SharedPlatform.class)
@Order(10)
class ServiceShellIT {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "blog       | Blog       | News from Rose Ash",
            "market     | Market     | The market",
            "cart       | Cart       | Your cart",
            "events     | Events     | What's on",
            "federation | Federation | One sign-in, and the fediverse",
            "account    | Account    | Your account"})
    void homeSaysWhatTheServiceIsForInARoseAshShell(String service, String title, String heading) {
        URI base = URI.create(SharedPlatform.get().platform().address(service).internalUrl() + "/");
        assertThat(ShellProbe.problems(base, "<title>" + title + " · Rose Ash</title>", "<h1>" + heading + "</h1>"))
                .as(service).isEmpty();
    }
}
