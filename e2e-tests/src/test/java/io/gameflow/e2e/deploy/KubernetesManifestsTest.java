package io.gameflow.e2e.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.gameflow.events.Topics;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Builds every overlay under deploy/k8s/overlays with {@code kubectl kustomize} (no cluster needed) and checks what
 * it would apply against the services themselves: the HTTP and management ports, health paths and env names as each
 * service's application.properties has them, the images, the Services and ServiceMonitors that reach the pods, the headless
 * Services and state volumes of the Kafka Streams services, and the Kafka topics of the contract.
 * Each check lists every problem it finds, each saying what to fix.
 */
class KubernetesManifestsTest {

    /**
     * Env names that no application.properties reads but the container runtime does, all read by the launcher of the
     * services' Dockerfile.jvm (UBI OpenJDK's run-java.sh): JAVA_MAX_MEM_RATIO sizes the heap when JAVA_OPTS_APPEND
     * sets none, which is how the prod overlay's Kafka Streams pods leave room for RocksDB beside the heap;
     * GC_CONTAINER_OPTIONS picks the collector.
     */
    private static final Set<String> RUNTIME_ENV = Set.of("JAVA_MAX_MEM_RATIO", "JAVA_OPTS_APPEND", "GC_CONTAINER_OPTIONS");
    private static final Pattern ENV_REF = Pattern.compile("\\$\\(([A-Za-z_][A-Za-z0-9_]*)\\)");
    private static final Map<String, List<JsonNode>> BUILT = new ConcurrentHashMap<>();

    static List<String> overlays() throws IOException {
        try (Stream<Path> dirs = Files.list(ExternalTool.root().resolve("deploy/k8s/overlays"))) {
            List<String> names = dirs.filter(Files::isDirectory).map(dir -> dir.getFileName().toString()).sorted().toList();
            assertFalse(names.isEmpty(), "deploy/k8s/overlays has no overlay directory");
            return names;
        }
    }

    @ParameterizedTest(name = "overlays/{0}")
    @MethodSource("overlays")
    void containersRunTheirServiceOnItsHttpAndManagementPorts(String overlay) {
        List<String> problems = new ArrayList<>();
        for (JsonNode workload : workloads(overlay)) {
            String service = name(workload);
            ServiceConfig config = ServiceConfig.of(service);
            JsonNode annotations = workload.path("spec").path("template").path("metadata").path("annotations");
            if (!String.valueOf(config.managementPort()).equals(annotations.path("prometheus.io/port").asText())
                    || !"/q/metrics".equals(annotations.path("prometheus.io/path").asText())) {
                problems.add(what(workload) + ": set the pod annotations prometheus.io/port: \"" + config.managementPort()
                        + "\" (the management interface) and prometheus.io/path: /q/metrics");
            }
            for (JsonNode container : workload.path("spec").path("template").path("spec").path("containers")) {
                String where = what(workload) + " container " + container.path("name").asText();
                String image = container.path("image").asText();
                if (!image.matches("(.+/)?gameflow/" + Pattern.quote(service) + "(:[\\w.-]+)?(@sha256:[0-9a-f]+)?")) {
                    problems.add(where + " runs image " + image + ": it must be gameflow/" + service + " (any registry or tag)");
                }
                Set<Integer> ports = new HashSet<>();
                container.path("ports").forEach(p -> ports.add(p.path("containerPort").asInt()));
                if (!ports.equals(Set.of(config.port(), config.managementPort()))) {
                    problems.add(where + " must declare containerPorts " + config.port() + " (quarkus.http.port of "
                            + service + ") and " + config.managementPort() + " (quarkus.management.port), and no other");
                }
                probe(container, "livenessProbe", Set.of("/q/health/live"), config.managementPort(), where, problems);
                probe(container, "readinessProbe", Set.of("/q/health/ready"), config.managementPort(), where, problems);
                probe(container, "startupProbe", Set.of("/q/health/live", "/q/health/ready"), config.managementPort(), where, problems);
            }
        }
        assertNone(overlay, problems);
    }

    @ParameterizedTest(name = "overlays/{0}")
    @MethodSource("overlays")
    void envNamesAreOnesTheServiceReads(String overlay) {
        List<String> problems = new ArrayList<>();
        for (JsonNode workload : workloads(overlay)) {
            ServiceConfig config = ServiceConfig.of(name(workload));
            for (JsonNode container : workload.path("spec").path("template").path("spec").path("containers")) {
                String where = what(workload) + " container " + container.path("name").asText();
                Map<String, String> env = env(overlay, container, where, problems);
                Set<String> referenced = new HashSet<>();
                env.values().stream().filter(v -> v != null).forEach(v -> ENV_REF.matcher(v).results().forEach(r -> referenced.add(r.group(1))));
                for (String name : env.keySet()) {
                    boolean downwardHelper = referenced.contains(name) && list(container.path("env")).stream()
                            .anyMatch(e -> name.equals(e.path("name").asText()) && e.path("valueFrom").has("fieldRef"));
                    if (!config.envNames().contains(name) && !RUNTIME_ENV.contains(name) && !downwardHelper) {
                        problems.add(where + " sets " + name + ", which " + name(workload)
                                + "/src/main/resources/application.properties never reads (no ${" + name + "}): fix the name or drop it");
                    }
                }
                String port = env.get(config.portEnv());
                if (env.containsKey(config.portEnv()) && !String.valueOf(config.port()).equals(port)) {
                    problems.add(where + " sets " + config.portEnv() + "=" + port + " but its containerPort and probes use "
                            + config.port() + ": drop the env or change all of them together");
                }
                if (config.envNames().contains("KAFKA_BOOTSTRAP_SERVERS") && !bootstrapServers(overlay).contains(env.get("KAFKA_BOOTSTRAP_SERVERS"))) {
                    problems.add(where + " has KAFKA_BOOTSTRAP_SERVERS=" + env.getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "(unset)")
                            + ": set it to the Strimzi bootstrap Service, one of " + bootstrapServers(overlay));
                }
            }
        }
        assertNone(overlay, problems);
    }

    @ParameterizedTest(name = "overlays/{0}")
    @MethodSource("overlays")
    void statefulSetsHaveAHeadlessServiceAndKeepTheirStateOnAVolume(String overlay) {
        List<String> problems = new ArrayList<>();
        for (JsonNode set : kind(overlay, "StatefulSet")) {
            String headless = set.path("spec").path("serviceName").asText();
            Optional<JsonNode> service = find(overlay, "Service", headless);
            if (service.isEmpty() || !"None".equals(service.get().path("spec").path("clusterIP").asText())
                    || !selects(service.get(), set)) {
                problems.add(what(set) + " has serviceName " + headless + ": add a Service of that name with clusterIP: None"
                        + " selecting its pods, so that each pod gets the DNS name it advertises");
            }
            Set<String> claims = new HashSet<>();
            set.path("spec").path("volumeClaimTemplates").forEach(t -> claims.add(name(t)));
            ServiceConfig config = ServiceConfig.of(name(set));
            for (JsonNode container : set.path("spec").path("template").path("spec").path("containers")) {
                String where = what(set) + " container " + container.path("name").asText();
                Map<String, String> env = env(overlay, container, where, new ArrayList<>());
                if (config.envNames().contains("KAFKA_STREAMS_STATE_DIR") && list(container.path("volumeMounts")).stream()
                        .noneMatch(m -> claims.contains(m.path("name").asText())
                                && m.path("mountPath").asText().equals(env.get("KAFKA_STREAMS_STATE_DIR")))) {
                    problems.add(where + ": set KAFKA_STREAMS_STATE_DIR to the mountPath of a volumeClaimTemplate's volume,"
                            + " so that the RocksDB state outlives the pod (it is " + env.getOrDefault("KAFKA_STREAMS_STATE_DIR", "unset") + ")");
                }
                config.envNames().stream().filter(n -> n.endsWith("_ADVERTISED_HOST")).forEach(n -> {
                    String expected = "$(POD_NAME)." + headless + ".$(POD_NAMESPACE).svc.cluster.local";
                    if (!expected.equals(env.get(n))) {
                        problems.add(where + " has " + n + "=" + env.getOrDefault(n, "(unset)") + ": set it to " + expected
                                + " (POD_NAME and POD_NAMESPACE from the downward API), the pod's own DNS name");
                    }
                });
            }
        }
        assertNone(overlay, problems);
    }

    @ParameterizedTest(name = "overlays/{0}")
    @MethodSource("overlays")
    void servicesReachTheServicePortsAndMonitorsTheManagementPort(String overlay) {
        List<String> problems = new ArrayList<>();
        Set<String> scraped = new HashSet<>();
        for (JsonNode service : kind(overlay, "Service")) {
            List<JsonNode> targets = workloads(overlay).stream().filter(w -> selects(service, w)).toList();
            if (targets.isEmpty()) {
                problems.add(what(service) + " selects no Deployment or StatefulSet: fix its selector");
            }
            for (JsonNode workload : targets) {
                for (JsonNode port : service.path("spec").path("ports")) {
                    JsonNode target = port.has("targetPort") ? port.path("targetPort") : port.path("port");
                    ServiceConfig config = ServiceConfig.of(name(workload));
                    int targetPort = containerPort(workload, target);
                    if (targetPort != config.port() && targetPort != config.managementPort()) {
                        problems.add(what(service) + " port " + port.path("name").asText() + " has targetPort " + target.asText()
                                + ": it must lead to " + name(workload) + "'s HTTP port " + config.port()
                                + " or its management port " + config.managementPort());
                    }
                }
            }
        }
        for (JsonNode monitor : kind(overlay, "ServiceMonitor")) {
            List<JsonNode> services = kind(overlay, "Service").stream()
                    .filter(s -> labelSelectorMatches(monitor.path("spec").path("selector"), s.path("metadata").path("labels"))).toList();
            if (services.isEmpty()) {
                problems.add(what(monitor) + " selects no Service: fix its selector");
            }
            for (JsonNode endpoint : monitor.path("spec").path("endpoints")) {
                if (!"/q/metrics".equals(endpoint.path("path").asText())) {
                    problems.add(what(monitor) + " scrapes path " + endpoint.path("path").asText() + ": Quarkus serves /q/metrics");
                }
                for (JsonNode service : services) {
                    Optional<JsonNode> servicePort = list(service.path("spec").path("ports")).stream()
                            .filter(p -> endpoint.path("port").asText().equals(p.path("name").asText())).findFirst();
                    if (servicePort.isEmpty()) {
                        problems.add(what(monitor) + " scrapes port " + endpoint.path("port").asText() + ", which "
                                + what(service) + " does not name");
                    }
                    servicePort.ifPresent(p -> workloads(overlay).stream().filter(w -> selects(service, w)).forEach(w -> {
                        JsonNode target = p.has("targetPort") ? p.path("targetPort") : p.path("port");
                        if (containerPort(w, target) != ServiceConfig.of(name(w)).managementPort()) {
                            problems.add(what(monitor) + " scrapes " + what(service) + " port " + p.path("name").asText()
                                    + ", which does not lead to " + name(w) + "'s management port " + ServiceConfig.of(name(w)).managementPort()
                                    + ", the only one that serves /q/metrics");
                        }
                    }));
                    workloads(overlay).stream().filter(w -> selects(service, w)).forEach(w -> scraped.add(name(w)));
                }
            }
        }
        workloads(overlay).stream().map(KubernetesManifestsTest::name).filter(n -> !scraped.contains(n))
                .forEach(n -> problems.add("no ServiceMonitor scrapes " + n + ": add one for its Service"));
        assertNone(overlay, problems);
    }

    @ParameterizedTest(name = "overlays/{0}")
    @MethodSource("overlays")
    void everyTopicOfTheContractIsAKafkaTopicThatFitsTheBrokers(String overlay) {
        List<String> problems = new ArrayList<>();
        Map<String, JsonNode> topics = new LinkedHashMap<>();
        kind(overlay, "KafkaTopic").forEach(t -> topics.put(t.path("spec").path("topicName").asText(name(t)), t));
        Topics.ALL.stream().filter(t -> !topics.containsKey(t)).forEach(t -> problems.add("topic " + t
                + " (Topics.ALL) has no KafkaTopic: add one to deploy/k8s/base/kafka/topics.yaml"));
        for (JsonNode topic : topics.values()) {
            String cluster = topic.path("metadata").path("labels").path("strimzi.io/cluster").asText();
            int brokers = brokers(overlay, cluster);
            int replicas = topic.path("spec").path("replicas").asInt();
            int minIsr = topic.path("spec").path("config").path("min.insync.replicas").asInt(1);
            if (find(overlay, "Kafka", cluster).isEmpty() || replicas < 1 || replicas > brokers || minIsr > replicas) {
                problems.add(what(topic) + " of cluster '" + cluster + "' has " + replicas + " replicas and min.insync.replicas "
                        + minIsr + " on " + brokers + " brokers: label it with an existing Kafka, and keep min ISR <= replicas <= brokers");
            }
        }
        for (JsonNode configMap : kind(overlay, "ConfigMap")) {
            int factor = configMap.path("data").path("KAFKA_STREAMS_REPLICATION_FACTOR").asInt(1);
            int brokers = kind(overlay, "Kafka").stream().mapToInt(k -> brokers(overlay, name(k))).max().orElse(0);
            if (factor > brokers) {
                problems.add(what(configMap) + " sets KAFKA_STREAMS_REPLICATION_FACTOR=" + factor + " but Kafka has only "
                        + brokers + " brokers: Kafka Streams could not create its internal topics");
            }
        }
        assertNone(overlay, problems);
    }

    /** The container's env as Kubernetes resolves it: envFrom first, then env (null where the value is a reference). */
    private static Map<String, String> env(String overlay, JsonNode container, String where, List<String> problems) {
        Map<String, String> env = new LinkedHashMap<>();
        for (JsonNode from : container.path("envFrom")) {
            String kind = from.has("configMapRef") ? "ConfigMap" : "Secret";
            String source = from.path(from.has("configMapRef") ? "configMapRef" : "secretRef").path("name").asText();
            Optional<JsonNode> found = find(overlay, kind, source);
            if (found.isEmpty() && kind.equals("ConfigMap")) {
                problems.add(where + " takes env from ConfigMap " + source + ", which the overlay does not make");
            }
            // A Secret absent from the output is supplied outside kustomize (prod); its keys cannot be checked here.
            found.ifPresent(f -> f.path("data").fields().forEachRemaining(e -> env.put(from.path("prefix").asText("") + e.getKey(),
                    kind.equals("ConfigMap") ? e.getValue().asText() : null)));
        }
        for (JsonNode entry : container.path("env")) {
            String name = entry.path("name").asText();
            String value = entry.has("value") ? entry.path("value").asText() : null;
            if (value != null) {
                ENV_REF.matcher(value).results().map(r -> r.group(1)).filter(ref -> !env.containsKey(ref)).forEach(ref -> problems.add(where
                        + " uses $(" + ref + ") in " + name + " but defines " + ref + " only later or not at all: Kubernetes would keep it as text"));
            }
            for (String kind : List.of("ConfigMap", "Secret")) {
                JsonNode ref = entry.path("valueFrom").path(kind.equals("ConfigMap") ? "configMapKeyRef" : "secretKeyRef");
                find(overlay, kind, ref.path("name").asText()).filter(s -> !s.path("data").has(ref.path("key").asText()))
                        .ifPresent(s -> problems.add(where + " reads key " + ref.path("key").asText() + " of " + what(s) + ", which has no such key"));
            }
            env.put(name, value);
        }
        return env;
    }

    private static void probe(JsonNode container, String probe, Set<String> paths, int port, String where, List<String> problems) {
        JsonNode get = container.path(probe).path("httpGet");
        if (!paths.contains(get.path("path").asText()) || containerPort(container, get.path("port")) != port) {
            problems.add(where + " " + probe + " is httpGet " + get.path("path").asText("(none)") + " on port " + get.path("port").asText("(none)")
                    + ": it must be httpGet " + String.join(" or ", paths.stream().sorted().toList()) + " on the management port " + port);
        }
    }

    /** A port number, or the number of the named port, of the container (or of any container of a workload). */
    private static int containerPort(JsonNode containerOrWorkload, JsonNode port) {
        if (port.asText().matches("\\d+")) {
            return Integer.parseInt(port.asText());
        }
        List<JsonNode> containers = containerOrWorkload.has("spec")
                ? list(containerOrWorkload.path("spec").path("template").path("spec").path("containers")) : List.of(containerOrWorkload);
        return containers.stream().flatMap(c -> list(c.path("ports")).stream())
                .filter(p -> port.asText().equals(p.path("name").asText())).mapToInt(p -> p.path("containerPort").asInt()).findFirst().orElse(-1);
    }

    private static boolean selects(JsonNode service, JsonNode workload) {
        JsonNode selector = service.path("spec").path("selector");
        JsonNode labels = workload.path("spec").path("template").path("metadata").path("labels");
        return !selector.isEmpty() && StreamSupport.stream(((Iterable<Map.Entry<String, JsonNode>>) selector::fields).spliterator(), false)
                .allMatch(e -> e.getValue().asText().equals(labels.path(e.getKey()).asText(null)));
    }

    private static boolean labelSelectorMatches(JsonNode selector, JsonNode labels) {
        boolean matchLabels = StreamSupport.stream(((Iterable<Map.Entry<String, JsonNode>>) selector.path("matchLabels")::fields).spliterator(), false)
                .allMatch(e -> e.getValue().asText().equals(labels.path(e.getKey()).asText(null)));
        return matchLabels && list(selector.path("matchExpressions")).stream().allMatch(x -> {
            Set<String> values = new HashSet<>();
            x.path("values").forEach(v -> values.add(v.asText()));
            String value = labels.path(x.path("key").asText()).asText(null);
            return switch (x.path("operator").asText()) {
                case "Exists" -> value != null;
                case "DoesNotExist" -> value == null;
                case "In" -> values.contains(value);
                case "NotIn" -> !values.contains(value);
                default -> false;
            };
        });
    }

    private static Set<String> bootstrapServers(String overlay) {
        Set<String> servers = new HashSet<>();
        kind(overlay, "Kafka").forEach(k -> k.path("spec").path("kafka").path("listeners").forEach(l -> servers.add(
                name(k) + "-kafka-bootstrap:" + l.path("port").asText())));
        return servers;
    }

    private static int brokers(String overlay, String cluster) {
        return kind(overlay, "KafkaNodePool").stream()
                .filter(p -> cluster.equals(p.path("metadata").path("labels").path("strimzi.io/cluster").asText()))
                .filter(p -> list(p.path("spec").path("roles")).stream().anyMatch(r -> r.asText().equals("broker")))
                .mapToInt(p -> p.path("spec").path("replicas").asInt()).sum();
    }

    private static List<JsonNode> build(String overlay) {
        return BUILT.computeIfAbsent(overlay, o -> {
            String yaml = ExternalTool.runOk("kubectl", "kustomize", "deploy/k8s/overlays/" + o);
            try (MappingIterator<JsonNode> docs = new YAMLMapper().readerFor(JsonNode.class).readValues(yaml)) {
                return docs.readAll().stream().filter(JsonNode::isObject).toList();
            } catch (IOException e) {
                throw new UncheckedIOException("kubectl kustomize deploy/k8s/overlays/" + o + " printed no YAML", e);
            }
        });
    }

    private static List<JsonNode> kind(String overlay, String kind) {
        return build(overlay).stream().filter(d -> kind.equals(d.path("kind").asText())).toList();
    }

    private static List<JsonNode> workloads(String overlay) {
        return Stream.concat(kind(overlay, "Deployment").stream(), kind(overlay, "StatefulSet").stream()).toList();
    }

    private static Optional<JsonNode> find(String overlay, String kind, String name) {
        return kind(overlay, kind).stream().filter(d -> name.equals(name(d))).findFirst();
    }

    private static String name(JsonNode doc) {
        return doc.path("metadata").path("name").asText();
    }

    private static String what(JsonNode doc) {
        return doc.path("kind").asText() + " " + name(doc);
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items;
    }

    private static void assertNone(String overlay, List<String> problems) {
        assertTrue(problems.isEmpty(), "deploy/k8s/overlays/" + overlay + ":\n  " + String.join("\n  ", problems));
    }
}
