package coop.roseash.blog.home;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import coop.roseash.devinfra.PlatformTestResource;
import coop.roseash.shared.health.ShellProbe;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class BlogHomeTest {

    @TestHTTPResource("/")
    URI base;

    @Test
    void answersLikeARoseAshService() {
        assertThat(ShellProbe.problems(base)).isEmpty();
    }

    @Test
    void homeWelcomesInTheSharedLayout() {
        given().get("/").then()
                .statusCode(200)
                .contentType(containsString("text/html"))
                .body(containsString("<title>Blog · Rose Ash</title>"))
                .body(containsString("News from Rose Ash"))
                .body(containsString("<header class=\"site-header\""));
    }

    @Test
    void engineRequestGetsTheWireFormWithDefinitionsAhead() {
        String hash = given().header("SX-Request", "true").get("/").then()
                .statusCode(200)
                .contentType(containsString("text/sx"))
                .body(containsString("News from Rose Ash"))
                .body(not(containsString("<section")))
                .extract().header("SX-Components-Hash");
        assertThat(hash).isNotBlank();

        // a client that already holds the definitions gets the content alone
        given().header("SX-Request", "true").header("SX-Components-Hash", hash).get("/").then()
                .statusCode(200)
                .header("SX-Components-Hash", (String) null)
                .body(not(containsString("defcomp")));
    }
}
