package coop.roseash.federation.oidc;

import coop.roseash.federation.login.MagicLinks;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import static io.restassured.RestAssured.given;

/** Plays an OIDC client (and the member's browser) against the server over real HTTP. */
public final class OidcClientDriver {
    public static final String BLOG_REDIRECT = "http://blog.localhost:8001/auth/callback";

    private final MagicLinks links;

    public OidcClientDriver(MagicLinks links) {
        this.links = links;
    }

    /** A federation session cookie value for this member, signed in through a magic link. */
    public String signIn(String email) {
        // the link is bound to this "browser", as one asked for through the form would be
        String browserNonce = coop.roseash.federation.oidc.OpaqueTokens.random();
        String token = links.create(email, "/", browserNonce);
        Response r = given().redirects().follow(false).cookie("federation_login", browserNonce).get("/auth/magic?token=" + token);
        if (r.statusCode() != 303) {
            throw new AssertionError("magic link sign-in answered " + r.statusCode());
        }
        return r.getCookie("federation_session");
    }

    public static String verifier() {
        return OpaqueTokens.random() + "-verifier";
    }

    public static String challenge(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The usual parameters of a blog authorization request; tests change what they probe. */
    public static Map<String, String> blogRequest(String verifier) {
        Map<String, String> p = new HashMap<>();
        p.put("response_type", "code");
        p.put("client_id", "blog");
        p.put("redirect_uri", BLOG_REDIRECT);
        p.put("scope", "openid profile email");
        p.put("state", "st-" + OpaqueTokens.random().substring(0, 8));
        p.put("nonce", "n-" + OpaqueTokens.random().substring(0, 8));
        p.put("code_challenge", challenge(verifier));
        p.put("code_challenge_method", "S256");
        return p;
    }

    public static Response authorize(String session, Map<String, String> params) {
        RequestSpecification spec = given().redirects().follow(false).queryParams(params);
        if (session != null) {
            spec.cookie("federation_session", session);
        }
        return spec.get("/oauth/authorize");
    }

    /** Query parameters of a redirect's Location. */
    public static Map<String, String> query(Response redirect) {
        String location = redirect.getHeader("Location");
        if (location == null) {
            throw new AssertionError("no redirect: " + redirect.statusCode() + " " + redirect.asString());
        }
        Map<String, String> q = new HashMap<>();
        String raw = URI.create(location).getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                q.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return q;
    }

    /** Signs in, authorizes blog and returns the code. */
    public String blogCode(String session, String verifier) {
        Response r = authorize(session, blogRequest(verifier));
        return query(r).get("code");
    }

    public static Response token(Map<String, String> form) {
        return given().auth().preemptive().basic("blog", coop.roseash.federation.SsoTestProfile.BLOG_SECRET)
                .contentType("application/x-www-form-urlencoded").formParams(form).post("/oauth/token");
    }

    public static Response exchange(String code, String verifier) {
        Map<String, String> form = new HashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", BLOG_REDIRECT);
        form.put("code_verifier", verifier);
        return token(form);
    }

    public static Response refresh(String refreshToken) {
        return token(Map.of("grant_type", "refresh_token", "refresh_token", refreshToken));
    }

    public static Response userinfo(String accessToken) {
        return RestAssured.given().header("Authorization", "Bearer " + accessToken).get("/oauth/userinfo");
    }
}
