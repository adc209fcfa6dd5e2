package coop.roseash.shared.web.csrf;

import static org.assertj.core.api.Assertions.assertThat;

import coop.roseash.shared.web.FakeRequest;
import coop.roseash.shared.web.SxView;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.lang.reflect.Method;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which requests must carry the token, without Quarkus: the filter is called as Quarkus REST would call it. */
class CsrfProtectionTest {

    private final CsrfTokens tokens = new CsrfTokens(Optional.of("csrf-secret"));
    private final CsrfProtection protection = new CsrfProtection(tokens);

    /** A form post from a browser page: Origin set, no token unless a test adds one. */
    private static FakeRequest browserPost() {
        return FakeRequest.post("/orders").header("Origin", "https://shop.example")
                .mediaType(MediaType.APPLICATION_FORM_URLENCODED_TYPE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET", "HEAD", "OPTIONS"})
    void safeMethodsNeedNoToken(String method) {
        assertThat(protection.verify(browserPost().method(method).context(), plainResource())).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"POST", "PUT", "PATCH", "DELETE", "get"})
    void stateChangingBrowserRequestsWithoutATokenAreForbidden(String method) {
        Response response = protection.verify(browserPost().method(method).context(), plainResource());

        assertThat(response).isNotNull();
        assertThat(response.getStatus()).isEqualTo(403);
    }

    @Test
    void secFetchSiteAloneMarksABrowserRequest() {
        FakeRequest request = FakeRequest.post("/orders").header("Sec-Fetch-Site", "cross-site");

        assertThat(CsrfProtection.fromBrowser(request.context())).isTrue();
        assertThat(protection.verify(request.context(), plainResource())).isNotNull();
    }

    @Test
    void requestsWithNeitherOriginNorSecFetchSiteAreNotFromBrowsers() {
        FakeRequest request = FakeRequest.post("/token").mediaType(MediaType.APPLICATION_FORM_URLENCODED_TYPE);

        assertThat(CsrfProtection.fromBrowser(request.context())).isFalse();
        assertThat(protection.verify(request.context(), plainResource())).isNull();
    }

    @Test
    void aBrowserPostEchoingItsCookieTokenPasses() {
        String token = tokens.newToken();
        FakeRequest request = browserPost().cookie(CsrfTokens.COOKIE, token).header(CsrfTokens.HEADER, token);

        assertThat(protection.verify(request.context(), plainResource())).isNull();
    }

    @Test
    void aBrowserPostEchoingSomeoneElsesTokenIsForbidden() {
        FakeRequest request = browserPost().cookie(CsrfTokens.COOKIE, tokens.newToken())
                .header(CsrfTokens.HEADER, tokens.newToken());

        assertThat(protection.verify(request.context(), plainResource()).getStatus()).isEqualTo(403);
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/json", "application/activity+json", "application/ld+json; charset=utf-8"})
    void jsonBodiesAreNotChecked(String type) {
        FakeRequest request = browserPost().mediaType(MediaType.valueOf(type));

        assertThat(protection.verify(request.context(), plainResource())).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/json", "text/plain", "multipart/form-data", "application/jsonx", "application/x-json-seq"})
    void bodiesThatAreNotJsonAreChecked(String type) {
        // a browser can send these cross-site without a preflight, so they need the token
        FakeRequest request = browserPost().mediaType(MediaType.valueOf(type));

        assertThat(protection.verify(request.context(), plainResource())).isNotNull();
    }

    @Test
    void aRequestWithoutABodyTypeIsChecked() {
        assertThat(protection.verify(browserPost().mediaType(null).context(), plainResource())).isNotNull();
    }

    @Test
    void exemptMethodsAndClassesAreNotChecked() throws NoSuchMethodException {
        assertThat(protection.verify(browserPost().context(),
                resource(Resources.class, Resources.class.getDeclaredMethod("exempt")))).isNull();
        assertThat(protection.verify(browserPost().context(),
                resource(ExemptResources.class, ExemptResources.class.getDeclaredMethod("any")))).isNull();
        assertThat(protection.verify(browserPost().context(), resource(ExemptResources.class, null))).isNull();
        assertThat(protection.verify(browserPost().context(),
                resource(null, Resources.class.getDeclaredMethod("exempt")))).isNull();
    }

    @Test
    void anUnknownResourceIsChecked() {
        assertThat(protection.verify(browserPost().context(), null)).isNotNull();
        assertThat(protection.verify(browserPost().context(), resource(null, null))).isNotNull();
        assertThat(protection.verify(browserPost().context(), resource(Resources.class, null))).isNotNull();
    }

    @Test
    void theForbiddenResponseIsThe403ErrorPage() {
        Response response = CsrfProtection.forbidden();

        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(response.getEntity()).isInstanceOf(SxView.class);
        assertThat(((SxView) response.getEntity()).status()).isEqualTo(403);
    }

    @Test
    void anIssuedTokenIsSetAsAnHttpOnlyLaxCookie() {
        FakeRequest request = FakeRequest.get("http://shop.example/").property(CsrfTokens.ISSUED, "abc.def");
        MultivaluedMap<String, Object> headers = new MultivaluedHashMap<>();

        protection.issueCookie(request.context(), FakeRequest.response(headers));

        assertThat(headers.get("Set-Cookie")).containsExactly("roseash-csrf=abc.def; Path=/; HttpOnly; SameSite=Lax");
    }

    @Test
    void overHttpsTheCookieIsSecure() {
        FakeRequest request = FakeRequest.get("https://shop.example/").property(CsrfTokens.ISSUED, "abc.def");
        MultivaluedMap<String, Object> headers = new MultivaluedHashMap<>();

        protection.issueCookie(request.context(), FakeRequest.response(headers));

        assertThat(headers.get("Set-Cookie")).containsExactly("roseash-csrf=abc.def; Path=/; HttpOnly; SameSite=Lax; Secure");
    }

    @Test
    void noTokenIssuedNoCookie() {
        MultivaluedMap<String, Object> headers = new MultivaluedHashMap<>();

        protection.issueCookie(FakeRequest.get("https://shop.example/").context(), FakeRequest.response(headers));

        assertThat(headers).isEmpty();
    }

    private static ResourceInfo plainResource() {
        try {
            return resource(Resources.class, Resources.class.getDeclaredMethod("plain"));
        } catch (NoSuchMethodException e) {
            throw new AssertionError(e);
        }
    }

    private static ResourceInfo resource(Class<?> type, Method method) {
        return new ResourceInfo() {
            @Override
            public Method getResourceMethod() { return method; }

            @Override
            public Class<?> getResourceClass() { return type; }
        };
    }

    static class Resources {
        void plain() {}

        @CsrfExempt
        void exempt() {}
    }

    @CsrfExempt
    static class ExemptResources {
        void any() {}
    }
}
