package coop.roseash.market.support;

import static io.restassured.RestAssured.given;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.jsoup.Jsoup;

/** The CSRF round trip a browser makes: read a page (its token and cookie), send both back with a form. */
public record Csrf(String token, String cookie) {

    private static final String COOKIE = "roseash-csrf";

    /** The token and cookie of {@code path} as {@code visitor} (null: nobody signed in) gets it. */
    public static Csrf of(String path, String visitor) {
        RequestSpecification request = given();
        if (visitor != null) {
            request = request.header(TestVisitors.HEADER, visitor);
        }
        Response page = request.get(path);
        String token = Jsoup.parse(page.body().asString()).select("meta[name=csrf-token]").attr("content");
        return new Csrf(token, page.getCookie(COOKIE));
    }

    /** A same-origin form post as {@code visitor}, carrying the token. */
    public RequestSpecification post(String visitor) {
        RequestSpecification request = given().redirects().follow(false)
                .cookie(COOKIE, cookie)
                .header("Origin", "http://localhost")
                .header("Sec-Fetch-Site", "same-origin")
                .header("X-CSRF-Token", token)
                .formParam("_csrf", token);
        if (visitor != null) {
            request = request.header(TestVisitors.HEADER, visitor);
        }
        return request;
    }
}
