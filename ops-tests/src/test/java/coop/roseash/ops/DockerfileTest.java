package coop.roseash.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The one Dockerfile every service image is built from (services/Dockerfile, --build-arg SERVICE):
 * JVM base, non-root, health check, dependency layers first, and no image without a SERVICE.
 */
class DockerfileTest {

    static final String DOCKERFILE = "services/Dockerfile";
    static final List<String> SERVICES = RepoFiles.SERVICES;
    private static final String SERVICE_GUARD = "RUN test -n \"$SERVICE\"";
    private static final ExternalTool SH = new ExternalTool("sh");

    private static List<String> instructions() {
        return RepoFiles.read(DOCKERFILE).lines()
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

    @Test
    void oneDockerfileServesEveryServiceAndNoServiceHasItsOwn() {
        for (String service : SERVICES) {
            assertThat(RepoFiles.root().resolve("services/" + service + "/Dockerfile"))
                    .as("services/" + service + "/Dockerfile: every image is built from " + DOCKERFILE).doesNotExist();
            // The directory the COPY takes the packaged app from when SERVICE=<service>.
            assertThat(RepoFiles.root().resolve("services/" + service + "/pom.xml")).exists();
        }
        List<String> lines = instructions();
        assertThat(lines).anyMatch(l -> l.startsWith("COPY services/${SERVICE}/target/quarkus-app/"));
        assertThat(lines).noneMatch(l -> SERVICES.stream().anyMatch(s -> l.contains("services/" + s + "/")));
    }

    @Test
    void serviceHasNoDefaultAndIsCheckedBeforeTheCopy() {
        List<String> lines = instructions();
        // No default: a build that forgets --build-arg SERVICE must not produce some other service's image.
        assertThat(lines).filteredOn(l -> l.startsWith("ARG SERVICE")).isNotEmpty().allMatch(l -> l.equals("ARG SERVICE"));
        int stage = indexOf(lines, "FROM ${JRE_IMAGE} AS layers");
        int arg = stage + 1 + lines.subList(stage + 1, lines.size()).indexOf("ARG SERVICE");
        int guard = indexOf(lines, SERVICE_GUARD);
        int copy = indexOf(lines, "COPY services/${SERVICE}/");
        // Re-declared in the stage (a global ARG is not visible inside it), then checked, then used.
        assertThat(arg).isGreaterThan(stage).isLessThan(guard);
        assertThat(guard).isLessThan(copy);
    }

    /** The Dockerfile's own guard, run as the builder runs it (sh -c, SERVICE from --build-arg). */
    private static ExternalTool.Result runGuard(String service) {
        String guard = instructions().get(indexOf(instructions(), SERVICE_GUARD)).substring("RUN ".length());
        return SH.run(RepoFiles.root(), Map.of("SERVICE", service), 30, "-c", guard);
    }

    @Test
    void aBuildWithoutServiceStopsWithAMessageSayingHowToBuild() {
        ExternalTool.Result missing = runGuard("");
        assertThat(missing.exitCode()).isNotZero();
        assertThat(missing.output()).contains("build with --build-arg SERVICE=<name>");
        assertThat(missing.output()).contains(String.join(" ", SERVICES));
        assertThat(runGuard("blog").exitCode()).as(runGuard("blog").output()).isZero();
    }

    @Test
    void buildsFromTheJvmBaseAndStartsWithTheEntrypoint() {
        List<String> lines = instructions();
        assertThat(lines).filteredOn(l -> l.startsWith("FROM ")).hasSize(2)
                .allMatch(l -> l.startsWith("FROM ${JRE_IMAGE}"));
        // The base is the official JRE unless a build names a stand-in (the one-node test swarm has no Docker Hub).
        assertThat(lines).contains("ARG JRE_IMAGE=eclipse-temurin:17-jre");
        assertThat(indexOf(lines, "ARG JRE_IMAGE")).isLessThan(indexOf(lines, "FROM "));
        assertThat(lines).last().asString().isEqualTo("ENTRYPOINT [\"/usr/local/bin/roseash-entrypoint\"]");
        assertThat(lines).contains("EXPOSE 8080");
    }

    @Test
    void runsAsANonRootUser() {
        List<String> lines = instructions();
        List<String> users = lines.stream().filter(l -> l.startsWith("USER ")).toList();
        assertThat(users).containsExactly("USER 10001:10001");
        assertThat(lines).anyMatch(l -> l.contains("groupadd --system --gid 10001 roseash"));
        assertThat(lines).anyMatch(l -> l.contains("useradd --system --uid 10001 --gid roseash"));
        // Nothing after USER may switch back to root.
        assertThat(lines.subList(indexOf(lines, "USER "), lines.size())).noneMatch(l -> l.startsWith("RUN "));
    }

    @Test
    void checksLivenessOnPort8080NotReadinessWhichFailsWhileRedisIsDown() {
        List<String> lines = instructions();
        int healthCheck = indexOf(lines, "HEALTHCHECK");
        assertThat(String.join(" ", lines.subList(healthCheck, healthCheck + 2)))
                .contains("--interval=10s --timeout=3s --start-period=60s --retries=3")
                .contains("http://127.0.0.1:8080/q/health/live")
                .doesNotContain("/q/health/ready");
    }

    @Test
    void copiesDependenciesBeforeApplicationCode() {
        List<String> lines = instructions();
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
    void deployShBuildsEveryServiceFromTheOneDockerfile() {
        String deploy = RepoFiles.read("deploy.sh");
        assertThat(deploy).contains("build -f " + DOCKERFILE + " --build-arg \"SERVICE=$s\"");
        assertThat(deploy).contains("readonly SERVICES=(" + String.join(" ", SERVICES) + ")");
    }

    @Test
    void theBuildContextHoldsOnlyThePackagedApps() {
        List<String> rules = RepoFiles.read(".dockerignore").lines()
                .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        // each service by name: the classic builder ignores an exception with a wildcard in a folder's name
        assertThat(rules).containsExactly(Stream.concat(Stream.of("*"),
                SERVICES.stream().map(s -> "!services/" + s + "/target/quarkus-app/")).toArray(String[]::new));
    }
}
