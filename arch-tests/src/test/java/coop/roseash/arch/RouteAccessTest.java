package coop.roseash.arch;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import coop.roseash.arch.routefixture.FixtureAdminGate;
import coop.roseash.arch.routefixture.FixtureInternalRoutes;
import coop.roseash.arch.routefixture.FixtureRestClient;
import coop.roseash.arch.routefixture.FixtureRoutes;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every route of shared-lib and each service says who it is for, and the code's checks agree (RouteAccess). */
class RouteAccessTest {

    static List<String> modules() {
        return List.of("shared-lib", "services/blog", "services/market", "services/cart", "services/events",
                "services/federation", "services/account");
    }

    @ParameterizedTest
    @MethodSource("modules")
    void everyRouteDeclaresExactlyOneAudienceThatItsChecksAgreeWith(String module) {
        Path root = Path.of(System.getProperty("roseash.repo.root", "..")).toAbsolutePath().normalize();
        Path folder = root.resolve(module + "/target/classes");
        assertThat(folder).as("compiled classes (build the module first)").isDirectory();
        JavaClasses classes = new ClassFileImporter().importPath(folder);
        assertThat(classes.stream().flatMap(c -> c.getMethods().stream())
                .filter(m -> RouteAccess.HTTP_METHODS.stream().anyMatch(m::isAnnotatedWith)))
                .as("routes in " + module).isNotEmpty();

        assertThat(RouteAccess.problems(classes)).as(module).isEmpty();
    }

    @Test
    void theRuleCatchesEachKindOfMistake() {
        JavaClasses fixtures = new ClassFileImporter().importClasses(FixtureRoutes.class, FixtureInternalRoutes.class,
                FixtureAdminGate.class, FixtureRestClient.class);

        assertThat(RouteAccess.problems(fixtures)).containsExactlyInAnyOrder(
                FixtureRoutes.class.getName() + "#undeclared: 0 access declarations [], wants exactly one of @PublicRoute,"
                        + " @MembersOnly, @AdminOnly, @InternalRoute (on the method or its class)",
                FixtureRoutes.class.getName() + "#twice: 2 access declarations [@PublicRoute, @AdminOnly], wants exactly one of"
                        + " @PublicRoute, @MembersOnly, @AdminOnly, @InternalRoute (on the method or its class)",
                FixtureRoutes.class.getName() + "#gatedButPublic: calls the admin gate but is not @AdminOnly",
                FixtureRoutes.class.getName() + "#adminWithoutGate: is @AdminOnly but never calls the admin gate",
                FixtureRoutes.class.getName() + "#internalOutsideInternal: @InternalRoute outside /internal",
                FixtureRoutes.class.getName() + "#exemptButMembersOnly: @CsrfExempt but not @PublicRoute (signed-in browsers"
                        + " use it with their cookies)",
                FixtureInternalRoutes.class.getName() + "#internalButPublic: an /internal route that is not @InternalRoute");
    }
}
