package io.gameflow.e2e.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.gameflow.events.Topics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * docker-compose.yml and its native override, as Compose itself resolves them (Debian's docker-compose v1, which
 * runs without a Docker engine), against what the services really read: their ports and environment names from
 * application.properties, the topics from {@link Topics#ALL}, and the deploy/ files mounted into the monitoring.
 */
class ComposeFileTest {

    private static final List<String> SERVICES =
            List.of("ingest-service", "generator-service", "engagement-service", "metrics-service");
    private static final String BASE = "docker-compose.yml";
    private static final String NATIVE = "docker-compose.native.yml";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Map<String, JsonNode> RESOLVED = new HashMap<>();
    private static final Map<String, AssertionError> UNRESOLVABLE = new HashMap<>();
    private static final String TEST_GRAFANA_PASSWORD = "compose-file-test-password";
    /**
     * What every run of Compose here sees: the Grafana password it demands, and none of the developer's own
     * overrides, so that the defaults are what is checked.
     */
    private static final Map<String, String> DEFAULTS = defaults();
    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "::1", "[::1]");

    @Test
    void composeFileIsValid() {
        ExternalTool.runOk(DEFAULTS, "docker-compose", "-f", BASE, "config", "-q");
    }

    @Test
    void nativeOverrideIsValid() {
        ExternalTool.runOk(DEFAULTS, "docker-compose", "-f", BASE, "-f", NATIVE, "config", "-q");
    }

    static Stream<Arguments> variantsAndServices() {
        return Stream.of(BASE, NATIVE).flatMap(variant -> SERVICES.stream().map(s -> Arguments.of(variant, s)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("variantsAndServices")
    void servicePublishesItsApiPortAndProbesItsManagementPort(String variant, String service) {
        JsonNode spec = service(variant, service);
        String port = Integer.toString(ServiceConfig.of(service).port());
        boolean published = false;
        for (PortMapping mapping : ports(spec)) {
            published |= port.equals(mapping.target()) && port.equals(mapping.published());
        }
        assertTrue(published, variant + ": " + service + " listens on " + port
                + " (quarkus.http.port in its application.properties); publish it as \"" + port + ":" + port + "\"");

        JsonNode healthcheck = spec.path("healthcheck");
        assertFalse(healthcheck.path("disable").asBoolean(false), variant + ": " + service + "'s healthcheck is disabled");
        String probe = joined(healthcheck.path("test"));
        String management = Integer.toString(ServiceConfig.of(service).managementPort());
        assertTrue(probe.contains("/q/health/ready") && Pattern.compile("[:/]" + management + "(?!\\d)").matcher(probe).find(),
                variant + ": " + service + "'s healthcheck must ask /q/health/ready on its management port " + management
                        + " (quarkus.management.port); it runs: " + probe);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("variantsAndServices")
    void serviceSetsOnlyEnvironmentItReads(String variant, String service) throws IOException {
        ServiceConfig config = ServiceConfig.of(service);
        List<String> unread = environment(service(variant, service)).keySet().stream()
                .filter(name -> !config.reads(name))
                .toList();
        assertEquals(List.of(), unread, variant + ": " + service + " sets environment variables that "
                + service + "/src/main/resources/application.properties never reads (no ${NAME...}); "
                + "fix the name or read it there");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("variantsAndServices")
    void serviceStartsAfterKafkaAndItsTopics(String variant, String service) {
        JsonNode dependsOn = service(variant, service).path("depends_on");
        assertEquals("service_healthy", dependsOn.path("kafka").path("condition").asText(),
                variant + ": " + service + " must have depends_on: kafka: condition: service_healthy");
        assertEquals("service_completed_successfully", dependsOn.path("kafka-init").path("condition").asText(),
                variant + ": " + service + " must have depends_on: kafka-init: condition: service_completed_successfully,"
                        + " or Kafka Streams and the producers start before their topics exist");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("variantsAndServices")
    void serviceIsBuiltFromAnExistingDockerfile(String variant, String service) {
        JsonNode build = service(variant, service).path("build");
        Path dockerfile = Path.of(build.path("context").asText()).resolve(build.path("dockerfile").asText("Dockerfile"));
        assertTrue(Files.isRegularFile(dockerfile), variant + ": " + service + " is built from " + dockerfile
                + ", which does not exist; fix build.context or build.dockerfile");
        String expected = variant.equals(NATIVE) ? "Dockerfile.native" : "Dockerfile.jvm";
        assertEquals(expected, dockerfile.getFileName().toString(), variant + ": " + service + " must be built from "
                + service + "/src/main/docker/" + expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void streamsStateLivesOnAVolume(String variant) {
        for (String service : List.of("engagement-service", "metrics-service")) {
            JsonNode spec = service(variant, service);
            String stateDir = environment(spec).get("KAFKA_STREAMS_STATE_DIR");
            assertTrue(stateDir != null && mounts(spec).stream().anyMatch(m -> m.target().equals(stateDir) && !m.bind()),
                    variant + ": " + service + " must set KAFKA_STREAMS_STATE_DIR to the target of a named volume, so "
                            + "its RocksDB state outlives the container; it sets " + stateDir + " and mounts " + mounts(spec));
        }
    }

    static Stream<String> variants() {
        return Stream.of(BASE, NATIVE);
    }

    @Test
    void kafkaInitCreatesEveryTopic() {
        JsonNode init = resolved(BASE).path("services").path("kafka-init");
        assertFalse(init.isMissingNode(), BASE + " needs a one-shot kafka-init service that creates the topics");
        String script = joined(init.path("entrypoint")) + "\n" + joined(init.path("command"));
        assertTrue(script.contains("--create") && script.contains("--if-not-exists"), "kafka-init must run "
                + "kafka-topics.sh --create --if-not-exists, so that a restart of the stack finds its topics in place: " + script);
        List<String> missing = Topics.ALL.stream()
                .filter(topic -> !Pattern.compile("(?<![\\w-])" + Pattern.quote(topic) + "(?![\\w-])").matcher(script).find())
                .toList();
        assertEquals(List.of(), missing, "kafka-init must create every topic of io.gameflow.events.Topics.ALL "
                + "(auto-creation is off); add these to its command");
        assertEquals("service_healthy", init.path("depends_on").path("kafka").path("condition").asText(),
                "kafka-init must wait for depends_on: kafka: condition: service_healthy");
        assertEquals("false", resolved(BASE).path("services").path("kafka").path("environment")
                .path("KAFKA_AUTO_CREATE_TOPICS_ENABLE").asText(), "kafka must set KAFKA_AUTO_CREATE_TOPICS_ENABLE: "
                + "\"false\", so that a misspelt topic fails instead of appearing with the wrong partitions");
    }

    @Test
    void mountedDeployFilesExist() {
        Path root = ExternalTool.root();
        // service and a path it reads, which must come from the repository
        List<List<String>> expected = List.of(
                List.of("prometheus", "/etc/prometheus/prometheus.yml"),
                List.of("alertmanager", "/etc/alertmanager/alertmanager.yml"),
                List.of("grafana", "/etc/grafana/provisioning"),
                List.of("grafana", "/var/lib/grafana/dashboards"));
        List<String> problems = new ArrayList<>();
        resolved(BASE).path("services").fields().forEachRemaining(entry -> {
            for (Mount mount : mounts(entry.getValue())) {
                if (mount.bind() && Path.of(mount.source()).startsWith(root) && !Files.exists(Path.of(mount.source()))) {
                    problems.add(entry.getKey() + " mounts " + root.relativize(Path.of(mount.source())) + ", which is missing");
                }
            }
            // what the monitoring reads at start must be in a mounted directory of the repository
            for (String arg : texts(entry.getValue().path("command"))) {
                if (arg.startsWith("--config.file=")) {
                    String file = arg.substring("--config.file=".length());
                    Path source = sourceOf(entry.getValue(), file);
                    if (source == null || !Files.isRegularFile(source)) {
                        problems.add(entry.getKey() + " reads " + file + ", which no bind mount of the repository provides"
                                + (source == null ? "" : " (missing: " + root.relativize(source) + ")"));
                    }
                }
            }
        });
        for (List<String> read : expected) {
            Path source = sourceOf(resolved(BASE).path("services").path(read.get(0)), read.get(1));
            if (source == null || !source.startsWith(root.resolve("deploy"))) {
                problems.add(read.get(0) + " must mount a directory of deploy/ that provides " + read.get(1));
            }
        }
        assertEquals(List.of(), problems, "fix the volumes in " + BASE + " or add the files under deploy/");
    }

    @Test
    void thirdPartyImagesArePinned() {
        List<String> unpinned = new ArrayList<>();
        resolved(BASE).path("services").fields().forEachRemaining(entry -> {
            if (entry.getValue().has("build")) {
                return;
            }
            String image = entry.getValue().path("image").asText();
            String tag = image.contains(":") ? image.substring(image.lastIndexOf(':') + 1) : "";
            if (tag.isEmpty() || tag.equals("latest") || tag.contains("/")) {
                unpinned.add(entry.getKey() + ": " + image);
            }
        });
        assertEquals(List.of(), unpinned, "pin a version tag on these images, so that a new release cannot change the stack");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void publishedPortsBindLoopbackUnlessTheUserSaysOtherwise(String variant) {
        List<String> open = new ArrayList<>();
        resolved(variant).path("services").fields().forEachRemaining(service -> ports(service.getValue()).stream()
                .filter(p -> !p.published().isEmpty() && !LOOPBACK.contains(p.hostIp()))
                .forEach(p -> open.add(service.getKey() + " publishes " + p.published() + " on " + (p.hostIp().isEmpty() ? "every interface" : p.hostIp()))));
        assertEquals(List.of(), open, variant + ": publish ports as \"${GAMEFLOW_BIND:-127.0.0.1}:<port>:<port>\": "
                + "the stack's Kafka is open and its default keys are public");

        Map<String, String> everywhere = new HashMap<>(DEFAULTS);
        everywhere.put("GAMEFLOW_BIND", "0.0.0.0");
        JsonNode opened = parse(ExternalTool.runOk(everywhere, command(variant)));
        List<String> ignoring = new ArrayList<>();
        opened.path("services").fields().forEachRemaining(service -> ports(service.getValue()).stream()
                .filter(p -> !p.published().isEmpty() && !"0.0.0.0".equals(p.hostIp()))
                .forEach(p -> ignoring.add(service.getKey() + ":" + p.published())));
        assertEquals(List.of(), ignoring, variant + ": these ports ignore GAMEFLOW_BIND, so a user cannot choose where they listen");
    }

    @Test
    void composeRefusesToRunWithoutAGrafanaAdminPassword() {
        Map<String, String> unset = new HashMap<>(DEFAULTS);
        unset.put("GRAFANA_ADMIN_PASSWORD", null);
        ExternalTool.Result result = ExternalTool.run(unset, "docker-compose", "-f", BASE, "config", "-q");
        assertFalse(result.ok(), "docker-compose must refuse the stack without GRAFANA_ADMIN_PASSWORD "
                + "(${GRAFANA_ADMIN_PASSWORD:?...}), so that Grafana never runs with a password anyone knows");
        assertTrue(result.output().contains("GRAFANA_ADMIN_PASSWORD"), "its message must name the variable: " + result.output());
    }

    @Test
    void grafanaHasTheUsersPasswordAndNoAnonymousEditors() {
        Map<String, String> env = environment(resolved(BASE).path("services").path("grafana"));
        assertEquals(TEST_GRAFANA_PASSWORD, env.get("GF_SECURITY_ADMIN_PASSWORD"),
                "grafana's admin password must be GRAFANA_ADMIN_PASSWORD, with no default");
        if ("true".equals(env.get("GF_AUTH_ANONYMOUS_ENABLED"))) {
            assertEquals("Viewer", env.get("GF_AUTH_ANONYMOUS_ORG_ROLE"), "anonymous Grafana users may only view");
        }
    }

    @Test
    void defaultKeysAreNamedAsDevelopmentKeys() {
        String keys = environment(service(BASE, "ingest-service")).get("GAMEFLOW_INGEST_AUTH_KEYS");
        List<String> unmarked = List.of(keys.split(",")).stream()
                .map(entry -> before(entry.trim(), ":"))
                .filter(name -> !name.startsWith("dev-"))
                .toList();
        assertEquals(List.of(), unmarked, "the default GAMEFLOW_INGEST_AUTH_KEYS of " + BASE + " are public: name each entry dev-..., "
                + "so that a log line or metric that names the key says it is a development key");
    }

    record PortMapping(String hostIp, String published, String target) {
    }

    /** Compose v1 prints "ip:published:target/protocol" strings, v2 objects; both are read here. */
    private static List<PortMapping> ports(JsonNode spec) {
        List<PortMapping> ports = new ArrayList<>();
        for (JsonNode mapping : spec.path("ports")) {
            if (mapping.isObject()) {
                ports.add(new PortMapping(mapping.path("host_ip").asText(""), mapping.path("published").asText(""),
                        mapping.path("target").asText()));
                continue;
            }
            String[] parts = before(mapping.asText(), "/").split(":");
            ports.add(switch (parts.length) {
                case 1 -> new PortMapping("", "", parts[0]);
                case 2 -> new PortMapping("", parts[0], parts[1]);
                default -> new PortMapping(String.join(":", List.of(parts).subList(0, parts.length - 2)),
                        parts[parts.length - 2], parts[parts.length - 1]);
            });
        }
        return ports;
    }

    // --- the resolved compose model

    private static synchronized JsonNode resolved(String variant) {
        // an invalid file fails every test with the tool's message, without running the tool once per test
        if (UNRESOLVABLE.containsKey(variant)) {
            throw UNRESOLVABLE.get(variant);
        }
        try {
            return RESOLVED.computeIfAbsent(variant, ComposeFileTest::resolve);
        } catch (AssertionError e) {
            UNRESOLVABLE.put(variant, e);
            throw e;
        }
    }

    private static JsonNode resolve(String variant) {
        return parse(ExternalTool.runOk(DEFAULTS, command(variant)));
    }

    private static String[] command(String variant) {
        return variant.equals(BASE)
                ? new String[] {"docker-compose", "-f", BASE, "config"}
                : new String[] {"docker-compose", "-f", BASE, "-f", NATIVE, "config"};
    }

    /** The output of docker-compose config; the tool's stderr comes along, and its WARNING lines are not YAML. */
    private static JsonNode parse(String output) {
        String yaml = output.lines().filter(line -> !line.startsWith("WARNING:")).collect(Collectors.joining("\n"));
        try {
            return YAML.readTree(yaml);
        } catch (IOException e) {
            throw new AssertionError("docker-compose config printed no YAML: " + e.getMessage() + "\n" + yaml, e);
        }
    }

    private static Map<String, String> defaults() {
        Map<String, String> env = new HashMap<>();
        env.put("GRAFANA_ADMIN_PASSWORD", TEST_GRAFANA_PASSWORD);
        for (String override : List.of("GAMEFLOW_BIND", "GAMEFLOW_INGEST_AUTH_KEYS", "GAMEFLOW_GENERATOR_HTTP_CLIENT_API_KEY",
                "GAMEFLOW_GENERATOR_HTTP_SERVER_API_KEY", "GAMEFLOW_GENERATOR_ADMIN_KEY")) {
            env.put(override, null);
        }
        return env;
    }

    private static JsonNode service(String variant, String name) {
        JsonNode spec = resolved(variant).path("services").path(name);
        if (spec.isMissingNode()) {
            fail(variant + " has no service " + name);
        }
        return spec;
    }

    private static Map<String, String> environment(JsonNode spec) {
        Map<String, String> env = new HashMap<>();
        JsonNode node = spec.path("environment");
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> env.put(e.getKey(), e.getValue().isNull() ? null : e.getValue().asText()));
        } else {
            for (String entry : texts(node)) {
                env.put(before(entry, "="), entry.contains("=") ? after(entry, "=") : null);
            }
        }
        return env;
    }

    record Mount(String source, String target, boolean bind) {
    }

    private static List<Mount> mounts(JsonNode spec) {
        List<Mount> mounts = new ArrayList<>();
        for (JsonNode volume : spec.path("volumes")) {
            if (volume.isObject()) {
                mounts.add(new Mount(volume.path("source").asText(), volume.path("target").asText(),
                        volume.path("type").asText().equals("bind")));
            } else {
                String[] parts = volume.asText().split(":");
                if (parts.length == 1) {
                    mounts.add(new Mount("", parts[0], false));
                } else {
                    mounts.add(new Mount(parts[0], parts[1], parts[0].startsWith("/") || parts[0].startsWith(".")));
                }
            }
        }
        return mounts;
    }

    /** The file of the repository that a container path comes from, through a bind mount; null if none. */
    private static Path sourceOf(JsonNode spec, String containerPath) {
        for (Mount mount : mounts(spec)) {
            Path target = Path.of(mount.target());
            if (mount.bind() && Path.of(containerPath).startsWith(target)) {
                return Path.of(mount.source()).resolve(target.relativize(Path.of(containerPath)).toString());
            }
        }
        return null;
    }

    // --- small helpers

    private static List<String> texts(JsonNode node) {
        List<String> texts = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(n -> texts.add(n.asText()));
        } else if (!node.isMissingNode() && !node.isNull()) {
            texts.add(node.asText());
        }
        return texts;
    }

    private static String joined(JsonNode node) {
        return String.join(" ", texts(node));
    }

    private static String before(String text, String separator) {
        int at = text.indexOf(separator);
        return at < 0 ? text : text.substring(0, at);
    }

    private static String after(String text, String separator) {
        int at = text.indexOf(separator);
        return at < 0 ? text : text.substring(at + separator.length());
    }
}
