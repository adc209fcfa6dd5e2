package coop.roseash.ops;

import static coop.roseash.ops.RepoFiles.list;
import static coop.roseash.ops.RepoFiles.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The Swarm stack (docker-compose.yml), read as YAML: what every service must declare. */
class StackFileTest {

    static final List<String> SERVICES = RepoFiles.SERVICES;
    private static final Pattern ENV_NAME = Pattern.compile("[A-Z][A-Z0-9_]*");
    private static final Pattern SECRET_LOOKING_KEY = Pattern.compile("(?i).*(PASSWORD|SECRET|TOKEN|KEY|CREDENTIAL).*");
    private static final Pattern SECRET_LOOKING_VALUE = Pattern.compile("[A-Za-z0-9+/=_-]{24,}");

    private static Map<String, Object> stack;
    private static Map<String, Object> services;

    @BeforeAll
    static void parse() {
        stack = RepoFiles.yaml("docker-compose.yml");
        services = map(stack, "services");
    }

    private static Map<String, Object> service(String name) {
        return map(services, name);
    }

    @Test
    void holdsTheSixServicesPostgresAndRedis() {
        assertThat(services).containsOnlyKeys("blog", "market", "cart", "events", "federation", "account",
                "postgres", "redis");
        assertThat(service("postgres").get("image")).isEqualTo("postgres:16");
        assertThat(service("redis").get("image")).isEqualTo("redis:7");
    }

    @ParameterizedTest
    @FieldSource("SERVICES")
    void imageIsRegistryServiceTag(String name) {
        assertThat((String) service(name).get("image"))
                .matches("\\$\\{REGISTRY(:\\?[^}]*)?}/" + name + ":\\$\\{TAG(:\\?[^}]*)?}");
    }

    @ParameterizedTest
    @FieldSource("SERVICES")
    void healthCheckAsksTheLivenessEndpointOnPort8080(String name) {
        Map<String, Object> health = map(service(name), "healthcheck");
        // Liveness: readiness turns 503 while Redis or the database is away, which the services survive; Swarm
        // would restart every replica at once on a Redis blip (SwarmOpsIT stops Redis and sees no restart).
        assertThat(list(health, "test")).map(String::valueOf)
                .contains("http://127.0.0.1:8080/q/health/live")
                .noneMatch(part -> part.contains("/q/health/ready"));
        assertThat(health).containsKeys("interval", "timeout", "retries", "start_period");
        assertThat(map(service(name), "environment")).containsEntry("QUARKUS_HTTP_PORT", "8080");
    }

    /** Forwarded headers only from the reverse proxy's network (docs/operations.md, "The reverse proxy"). */
    @ParameterizedTest
    @FieldSource("SERVICES")
    void trustsForwardedHeadersOnlyFromTheProxyNetwork(String name) {
        assertThat(map(service(name), "environment"))
                .containsEntry("QUARKUS_HTTP_PROXY_TRUSTED_PROXIES", "${PROXY_SUBNET:-10.250.0.0/24}");
    }

    @ParameterizedTest
    @FieldSource("SERVICES")
    void updatesStartTheNewTaskFirstAndRollBackOnFailure(String name) {
        Map<String, Object> update = map(map(service(name), "deploy"), "update_config");
        assertThat(update).containsEntry("order", "start-first").containsEntry("failure_action", "rollback");
        assertThat(update).containsKey("monitor");
        assertThat(map(map(service(name), "deploy"), "rollback_config")).containsEntry("order", "start-first");
    }

    @ParameterizedTest
    @FieldSource("SERVICES")
    void runsSeveralReplicasWithRestartPolicyAndResourceLimits(String name) {
        Map<String, Object> deploy = map(service(name), "deploy");
        assertThat((Integer) deploy.get("replicas")).as("replicas of " + name).isGreaterThanOrEqualTo(2);
        assertThat(map(deploy, "restart_policy")).containsEntry("condition", "any").containsKey("delay");
        assertThat(map(map(deploy, "resources"), "limits")).containsKeys("cpus", "memory");
        assertThat(map(map(deploy, "resources"), "reservations")).containsKeys("cpus", "memory");
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgres", "redis"})
    void statefulServicesStopTheOldTaskFirstAndStayOnTheirNode(String name) {
        Map<String, Object> deploy = map(service(name), "deploy");
        // Two database servers on one data directory would corrupt it: stop-first here.
        assertThat(map(deploy, "update_config")).containsEntry("order", "stop-first");
        assertThat(deploy).containsEntry("replicas", 1);
        assertThat(map(deploy, "restart_policy")).containsKey("condition");
        assertThat(map(map(deploy, "resources"), "limits")).containsKeys("cpus", "memory");
        assertThat(list(map(deploy, "placement"), "constraints")).isNotEmpty();
        assertThat(map(service(name), "healthcheck")).containsKey("test");
    }

    @ParameterizedTest
    @FieldSource("SERVICES")
    void everyServiceGetsTheSharedSecretsUnderTheLaunchersNames(String name) {
        // The same variables the local launcher hands over (launcher SharedSecrets), so a service
        // reads its secrets the same way in both places.
        assertThat(secretTargets(name))
                .containsEntry("internal_hmac_secret", "ROSEASH_INTERNAL_HMAC_SECRET")
                .containsEntry("device_id_secret", "ROSEASH_DEVICE_ID_SECRET")
                .containsEntry("web_csrf_secret", "ROSEASH_WEB_CSRF_SECRET")
                .containsEntry("db_password", "QUARKUS_DATASOURCE_PASSWORD")
                .containsEntry("redis_password", "QUARKUS_REDIS_PASSWORD");
    }

    @Test
    void onlyTheOidcClientsGetTheSessionEncryptionSecret() {
        // it encrypts Quarkus OIDC's session cookies; federation is the provider, not a client, and has none
        for (String name : SERVICES) {
            if (name.equals("federation")) {
                assertThat(secretTargets(name)).doesNotContainKey("session_encryption_secret");
            } else {
                assertThat(secretTargets(name))
                        .containsEntry("session_encryption_secret", "ROSEASH_SESSION_ENCRYPTION_SECRET");
            }
        }
    }

    @Test
    void redisRequiresThePasswordFromItsSecret() {
        Map<String, Object> redis = service("redis");
        String command = String.join(" ", list(redis, "command").stream().map(String::valueOf).toList());
        assertThat(list(redis, "secrets")).containsExactly("redis_password");
        // read from the secret at start ($$ is a literal $ for docker stack deploy), on stdin, never inline
        assertThat(command).contains("requirepass $$(cat /run/secrets/redis_password)")
                .contains("redis-server ").containsPattern("redis-server [^\\n]* - <<");
        assertThat(command).doesNotContainPattern("--requirepass");
        // the health check has to authenticate too, without the password on a command line
        assertThat(String.join(" ", list(map(redis, "healthcheck"), "test").stream().map(String::valueOf).toList()))
                .contains("REDISCLI_AUTH=").contains("/run/secrets/redis_password").contains("PONG");
        assertThat(map(stack, "secrets")).containsKey("redis_password");
    }

    @Test
    void redisNeverEvictsLogoutMarksOrRateCounters() {
        // every key the services write has a TTL (logout marks, rate counters, sessions, fragments): any eviction
        // policy could drop a logout mark or a rate counter, so a full Redis refuses writes instead
        String command = String.join(" ", list(service("redis"), "command").stream().map(String::valueOf).toList());
        assertThat(command).contains("--maxmemory-policy noeviction").contains("--maxmemory ");
    }

    @Test
    void theBlogsDemosAreOffInTheStack() {
        assertThat(map(service("blog"), "environment")).containsEntry("ROSEASH_BLOG_DEMOS_ENABLED", "false");
        // the variable is the key blog reads, and blog's own default is off too
        assertThat(RepoFiles.read("services/blog/src/main/resources/application.properties"))
                .containsPattern("(?m)^roseash\\.blog\\.demos\\.enabled=false$");
    }

    @Test
    void noServicePublishesAPortSoOperatorPathsAreReachedOnlyInside() {
        // The public way in is the reverse proxy, whose requests carry forwarding headers; with those, shared-lib's
        // OperatorPaths answers /q/* and /internal/* with 404. A published port would be a way in without them.
        for (String name : services.keySet()) {
            assertThat(service(name)).as(name + " publishes no port").doesNotContainKey("ports");
        }
        for (String name : SERVICES) {
            assertThat(list(map(service(name), "healthcheck"), "test")).map(String::valueOf)
                    .anyMatch(part -> part.startsWith("http://127.0.0.1:8080/q/"));
        }
    }

    @Test
    void everySecretTheLauncherHandsOutLocallyIsASecretInTheStack() {
        // The launcher's catalogue is the list of shared secrets the services expect; a secret added
        // there and forgotten here would leave production without it.
        Matcher catalogue = Pattern.compile("new Secret\\(\"[^\"]+\", \"(ROSEASH_[A-Z_]+)\"")
                .matcher(RepoFiles.read("launcher/src/main/java/coop/roseash/launcher/SharedSecrets.java"));
        List<String> variables = new ArrayList<>();
        while (catalogue.find()) {
            variables.add(catalogue.group(1));
        }
        assertThat(variables).as("secrets found in the launcher's catalogue").hasSizeGreaterThanOrEqualTo(3);
        // secrets only some services need (least privilege): variable -> the services that get it
        Map<String, List<String>> scoped = Map.of("ROSEASH_BLOG_CREDENTIALS_KEY", List.of("blog", "cart"),
                "ROSEASH_ACCOUNT_UNSUBSCRIBE_SECRET", List.of("account"),
                "ROSEASH_ACTIVITYPUB_KEY_ENCRYPTION_KEY", List.of("blog", "market", "events", "federation"),
                "ROSEASH_SESSION_ENCRYPTION_SECRET", List.of("blog", "market", "cart", "events", "account"));
        for (String name : SERVICES) {
            for (String variable : variables) {
                if (scoped.containsKey(variable) && !scoped.get(variable).contains(name)) {
                    assertThat(secretTargets(name).values()).as(name + " must not get " + variable).doesNotContain(variable);
                    continue;
                }
                // The launcher hands the database password to the services as QUARKUS_DATASOURCE_PASSWORD too.
                String expected = variable.equals("ROSEASH_DATASOURCE_PASSWORD") ? "QUARKUS_DATASOURCE_PASSWORD" : variable;
                assertThat(secretTargets(name).values()).as(name + " gets " + expected).contains(expected);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"blog", "market", "cart", "events", "account"})
    void eachOidcClientGetsOnlyItsOwnClientSecretAndFederationGetsAll(String name) {
        String source = "oauth_client_" + name + "_secret";
        String variable = "ROSEASH_OAUTH_CLIENT_" + name.toUpperCase() + "_SECRET";
        assertThat(secretTargets(name)).containsEntry(source, variable);
        assertThat(secretTargets(name).keySet()).filteredOn(s -> s.startsWith("oauth_client_")).containsExactly(source);
        assertThat(secretTargets("federation")).containsEntry(source, variable);
    }

    @Test
    void federationReadsItsSigningKeysAsFilesFromSecrets() {
        String dir = (String) map(service("federation"), "environment").get("ROSEASH_FEDERATION_SIGNING_KEYS_DIR");
        assertThat(secretTargets("federation"))
                .containsEntry("signing_key", dir + "/current.pem")
                .containsEntry("signing_key_previous", dir + "/previous.pem");
        for (String name : SERVICES) {
            if (!name.equals("federation")) {
                assertThat(secretTargets(name)).as(name).doesNotContainKeys("signing_key", "signing_key_previous");
            }
        }
    }

    @Test
    void theRemainingKeysGoOnlyWhereTheyAreUsed() {
        assertThat(secretTargets("blog")).containsEntry("blog_credentials_key", "ROSEASH_BLOG_CREDENTIALS_KEY")
                .containsEntry("ghost_admin_key", "ROSEASH_GHOST_ADMIN_KEY");
        assertThat(secretTargets("cart")).containsEntry("blog_credentials_key", "ROSEASH_BLOG_CREDENTIALS_KEY")
                .containsEntry("sumup_api_key", "ROSEASH_SUMUP_API_KEY");
        assertThat(secretTargets("market")).doesNotContainKeys("sumup_api_key", "ghost_admin_key", "smtp_password");
        for (String name : List.of("federation", "cart", "events", "account")) {
            assertThat(secretTargets(name)).as(name).containsEntry("smtp_password", "QUARKUS_MAILER_PASSWORD");
        }
    }

    @ParameterizedTest
    @FieldSource("SERVICES")
    void secretsAreMountedUnderEnvironmentVariableNamesOrAsFiles(String name) {
        // The image's entrypoint exports /run/secrets/<NAME> as $NAME; other relative names would be ignored.
        assertThat(secretTargets(name).values())
                .allMatch(target -> ENV_NAME.matcher(target).matches() || target.startsWith("/etc/roseash/"));
    }

    @Test
    void everySecretIsExternalAndVersioned() {
        Map<String, Object> secrets = map(stack, "secrets");
        assertThat(secrets).isNotEmpty();
        secrets.forEach((key, definition) -> {
            Map<String, Object> secret = map(secrets, key);
            assertThat(secret.get("external")).as(key + " is created outside the repo").isEqualTo(true);
            assertThat(secret).as(key + " has no file in the repo").doesNotContainKey("file");
            assertThat((String) secret.get("name")).matches("roseash_" + key + "_v\\$\\{[A-Z_]+_VERSION:-1}");
        });
        for (String name : services.keySet()) {
            if (service(name).containsKey("secrets")) {
                assertThat(secrets).as(name + "'s secrets are defined").containsKeys(secretTargets(name).keySet()
                        .toArray(String[]::new));
            }
        }
    }

    @Test
    void noEnvironmentVariableCarriesASecretInPlainText() {
        for (String name : services.keySet()) {
            if (!service(name).containsKey("environment")) {
                continue;
            }
            map(service(name), "environment").forEach((key, value) -> {
                String text = String.valueOf(value);
                if (SECRET_LOOKING_KEY.matcher(key).matches()) {
                    assertThat(text).as(name + ": " + key + " must name a file or folder, not hold the secret")
                            .matches("/(run/secrets|etc/roseash)/[A-Za-z0-9_./-]+");
                }
                boolean fileReference = text.startsWith("/run/secrets/") || text.startsWith("/etc/roseash/");
                assertThat(!fileReference && SECRET_LOOKING_VALUE.matcher(text).matches())
                        .as(name + ": " + key + "=" + text + " looks like a secret").isFalse();
            });
        }
        assertThat(map(service("postgres"), "environment"))
                .containsEntry("POSTGRES_PASSWORD_FILE", "/run/secrets/db_password")
                .doesNotContainKey("POSTGRES_PASSWORD");
    }

    @Test
    void onlyBlogRunsTheMigrations() {
        for (String name : SERVICES) {
            assertThat(map(service(name), "environment").get("RUN_MIGRATIONS"))
                    .as(name).isEqualTo(name.equals("blog") ? "true" : "false");
        }
    }

    @ParameterizedTest
    @FieldSource("SERVICES")
    void readsTheAppConfigAndTheProductionOverlayFromSwarmConfigs(String name) {
        Map<String, Object> env = map(service(name), "environment");
        List<Object> configs = list(service(name), "configs");
        assertThat(configs).map(c -> String.valueOf(((Map<?, ?>) c).get("target")))
                .contains((String) env.get("ROSEASH_CONFIG_BASE"), (String) env.get("ROSEASH_CONFIG"));
        Map<String, Object> defined = map(stack, "configs");
        assertThat(map(defined, "app_config")).containsEntry("file", "./config/app-config.yaml");
        // Swarm configs are immutable: a content hash in the name makes a changed file a new config.
        assertThat((String) map(defined, "app_config").get("name")).contains("${APP_CONFIG_HASH");
        assertThat((String) map(defined, "app_config_overlay").get("file")).startsWith("${ROSEASH_OVERLAY_FILE");
    }

    @Test
    void servicesReachTheProxyButTheDatabaseAndCacheDoNot() {
        for (String name : SERVICES) {
            assertThat(list(service(name), "networks")).as(name).containsExactlyInAnyOrder("backend", "proxy");
        }
        assertThat(list(service("postgres"), "networks")).containsExactly("backend");
        assertThat(list(service("redis"), "networks")).containsExactly("backend");
        Map<String, Object> networks = map(stack, "networks");
        assertThat(map(networks, "backend")).containsEntry("driver", "overlay");
        assertThat(map(networks, "proxy")).containsEntry("external", true);
    }

    private static Map<String, String> secretTargets(String name) {
        Map<String, String> targets = new LinkedHashMap<>();
        for (Object entry : list(service(name), "secrets")) {
            if (entry instanceof Map<?, ?> longForm) {
                targets.put((String) longForm.get("source"), (String) longForm.get("target"));
            } else {
                targets.put((String) entry, (String) entry);
            }
        }
        return targets;
    }
}
