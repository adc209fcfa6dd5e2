package coop.roseash.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** The services' Dockerfiles: JVM base, non-root, health check, dependency layers first. */
class DockerfileTest {

    static final List<String> SERVICES = RepoFiles.SERVICES;

    private static List<String> instructions(String service) {
        return RepoFiles.read("services/" + service + "/Dockerfile").lines()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .toList();
    }

    private static int indexOf(List<String> lines, String fragment) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(fragment)) {
                return i;
            }
        }
        throw new AssertionError("no line contains '" + fragment + "'");
    }

    @ParameterizedTest
    @FieldSource("SERVICES")
    void buildsTheServiceFastJarFromTheRepositoryRoot(String service) {
        List<String> lines = instructions(service);
        assertThat(lines).contains("ARG SERVICE=" + service);
        assertThat(lines).anyMatch(l -> l.startsWith("COPY services/${SERVICE}/target/quarkus-app/"));
        assertThat(lines).filteredOn(l -> l.startsWith("FROM ")).allMatch(l -> l.startsWith("FROM eclipse-temurin:17-jre"));
        assertThat(lines).last().asString().startsWith("ENTRYPOINT [");
        assertThat(lines).contains("EXPOSE 8080");
    }

    @ParameterizedTest
    @FieldSource("SERVICES")
    void runsAsANonRootUser(String service) {
        List<String> users = instructions(service).stream().filter(l -> l.startsWith("USER ")).toList();
        assertThat(users).isNotEmpty();
        String user = users.get(users.size() - 1).substring("USER ".length()).split(":")[0];
        assertThat(user).isNotIn("root", "0");
        // Nothing after USER may switch back to root.
        List<String> lines = instructions(service);
        assertThat(lines.subList(indexOf(lines, "USER "), lines.size())).noneMatch(l -> l.startsWith("RUN "));
    }

    @ParameterizedTest
    @FieldSource("SERVICES")
    void checksReadinessOnPort8080(String service) {
        List<String> lines = instructions(service);
        String healthCheck = String.join(" ", lines.subList(indexOf(lines, "HEALTHCHECK"), indexOf(lines, "HEALTHCHECK") + 2));
        assertThat(healthCheck).contains("http://127.0.0.1:8080/q/health/ready");
    }

    @ParameterizedTest
    @FieldSource("SERVICES")
    void copiesDependenciesBeforeApplicationCode(String service) {
        List<String> lines = instructions(service);
        int thirdParty = indexOf(lines, "/build/app/lib/ /app/lib/");
        int ownJars = indexOf(lines, "/build/own/lib/ /app/lib/");
        int application = indexOf(lines, "/build/app/app/ /app/app/");
        assertThat(thirdParty).isLessThan(ownJars);
        assertThat(ownJars).isLessThan(indexOf(lines, "/build/app/quarkus/ /app/quarkus/"));
        assertThat(ownJars).isLessThan(application);
        // The project's own jars are moved out of the third-party layer, or every commit would change it.
        assertThat(lines).anyMatch(l -> l.contains("-name 'coop.roseash.*'") && l.contains("/build/own/lib/main/"));
    }

    @Test
    void theSixDockerfilesDifferOnlyInTheServiceName() {
        String blog = RepoFiles.read("services/blog/Dockerfile");
        for (String service : SERVICES) {
            assertThat(RepoFiles.read("services/" + service + "/Dockerfile").replace(service, "blog"))
                    .as(service + "/Dockerfile drifted from blog's").isEqualTo(blog);
        }
    }

    @Test
    void theBuildContextHoldsOnlyThePackagedApps() {
        List<String> rules = RepoFiles.read(".dockerignore").lines()
                .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        assertThat(rules).containsExactly("*", "!services/*/target/quarkus-app/");
    }
}
