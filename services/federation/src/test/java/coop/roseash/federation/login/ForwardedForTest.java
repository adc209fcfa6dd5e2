package coop.roseash.federation.login;

import coop.roseash.devinfra.PlatformTestResource;
import coop.roseash.federation.FormPage;
import coop.roseash.federation.SsoTestProfile;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * X-Forwarded-For is believed only from a trusted proxy (shared-lib's {@code quarkus.http.proxy.trusted-proxies}:
 * loopback here): a client elsewhere that names its own address in the header is still counted at its real
 * address by the login rate limits. The test's requests come from 127.0.0.2, a loopback address that is not trusted.
 */
@QuarkusTest
@TestProfile(SsoTestProfile.class)
@QuarkusTestResource(PlatformTestResource.class)
class ForwardedForTest {
    private static final String UNTRUSTED_PEER = "127.0.0.2";

    @Inject
    RedisDataSource redis;
    @TestHTTPResource("/")
    URL server;

    @BeforeEach
    void forgetRateLimits() {
        List<String> keys = redis.key().keys(LoginRateLimiter.KEY + "*");
        if (!keys.isEmpty()) {
            redis.key().del(keys.toArray(String[]::new));
        }
    }

    @Test
    void aForgedForwardedForFromAnUntrustedPeerDoesNotEscapeTheLimit() throws IOException {
        String email = "forged.xff." + System.nanoTime() + "@example.org";
        for (int i = 1; i <= 5; i++) {
            assertThat(askFromUntrustedPeer(email, "203.0.113." + i)).as("request " + i).isEqualTo(200);
        }
        assertThat(askFromUntrustedPeer(email, "203.0.113.99")).as("a sixth address named in the header").isEqualTo(429);
        assertThat(redis.key().keys(LoginRateLimiter.KEY + "client:*"))
                .containsExactly(LoginRateLimiter.KEY + "client:" + UNTRUSTED_PEER);
    }

    /** Posts the sign-in form over a connection from 127.0.0.2, with the given X-Forwarded-For; the status code. */
    private int askFromUntrustedPeer(String email, String forwardedFor) throws IOException {
        FormPage form = FormPage.get("/auth/login", null);
        String body = "_csrf=" + enc(form.csrfToken()) + "&email=" + enc(email) + "&continue=%2F";
        String request = "POST /auth/login HTTP/1.1\r\n"
                + "Host: localhost:" + server.getPort() + "\r\n"
                + "Origin: http://federation.localhost:8005\r\n"
                + "Sec-Fetch-Site: same-origin\r\n"
                + "Cookie: roseash-csrf=" + form.csrfCookie() + "\r\n"
                + "X-Forwarded-For: " + forwardedFor + "\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\n"
                + "Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n"
                + "Connection: close\r\n\r\n" + body;
        try (Socket socket = new Socket(InetAddress.getByName("127.0.0.1"), server.getPort(),
                InetAddress.getByName(UNTRUSTED_PEER), 0)) {
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            String status = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1))
                    .readLine();
            return Integer.parseInt(status.split(" ")[1]);
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
