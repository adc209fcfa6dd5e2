package coop.roseash.federation;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;

/** A page with a form, fetched like a browser would: its CSRF cookie and the token the form echoes. */
public record FormPage(Response page, String csrfCookie, String csrfToken) {
    private static final Pattern TOKEN = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    public static FormPage get(String path, String session) {
        // the path comes from a Location header: already encoded
        RequestSpecification spec = given().urlEncodingEnabled(false).redirects().follow(false);
        if (session != null) {
            spec.cookie("federation_session", session);
        }
        Response page = spec.get(path);
        Matcher m = TOKEN.matcher(page.asString());
        return new FormPage(page, page.getCookie("roseash-csrf"), m.find() ? m.group(1) : null);
    }

    /** Submits the form with its token, as the browser would. */
    public Response submit(String action, Map<String, String> fields, String session) {
        RequestSpecification spec = given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .header("Origin", "http://federation.localhost:8005").header("Sec-Fetch-Site", "same-origin")
                .formParams(fields).formParam("_csrf", csrfToken);
        if (csrfCookie != null) {
            spec.cookie("roseash-csrf", csrfCookie);
        }
        if (session != null) {
            spec.cookie("federation_session", session);
        }
        return spec.post(action);
    }
}
