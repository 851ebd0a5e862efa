package io.gameflow.e2e.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.gameflow.kafka.KafkaSecurity;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The prod overlay as {@code kubectl kustomize} renders it, held to the Kafka security it promises
 * (docs/kafka-security.md): no listener a client can use without TLS and a login, authorization and the User Operator
 * on, a pinned Kafka version, and every service that talks to Kafka logged in as a KafkaUser of its own, whose ACLs
 * name topics that exist.
 */
class KafkaSecurityManifestsTest {

    private static List<JsonNode> prod;

    @BeforeAll
    static void render() throws IOException {
        String yaml = ExternalTool.runOk("kubectl", "kustomize", "deploy/k8s/overlays/prod");
        try (MappingIterator<JsonNode> docs = new YAMLMapper().readerFor(JsonNode.class).readValues(yaml)) {
            prod = docs.readAll().stream().filter(JsonNode::isObject).toList();
        }
    }

    @Test
    void prodKafkaHasNoPlaintextListenerAndAuthorizesEveryRequest() {
        List<String> problems = new ArrayList<>();
        List<JsonNode> clusters = kind("Kafka");
        if (clusters.isEmpty()) {
            problems.add("the prod overlay has no Kafka");
        }
        for (JsonNode kafka : clusters) {
            JsonNode spec = kafka.path("spec").path("kafka");
            for (JsonNode listener : spec.path("listeners")) {
                if (!listener.path("tls").asBoolean(false) || listener.path("authentication").path("type").asText().isEmpty()) {
                    problems.add("Kafka " + name(kafka) + " listener " + listener.path("name").asText() + " (port "
                            + listener.path("port").asText() + ") lets clients in without TLS or a login: set tls: true and"
                            + " authentication (scram-sha-512), or drop it");
                }
            }
            if (!"simple".equals(spec.path("authorization").path("type").asText())) {
                problems.add("Kafka " + name(kafka) + " has no authorization: set spec.kafka.authorization.type: simple");
            }
            if (!spec.path("version").asText().matches("\\d+\\.\\d+\\.\\d+")) {
                problems.add("Kafka " + name(kafka) + " has no pinned spec.kafka.version");
            }
            if (!kafka.path("spec").path("entityOperator").has("userOperator")) {
                problems.add("Kafka " + name(kafka) + " runs no User Operator, so no KafkaUser gets a password or ACLs");
            }
        }
        assertNone(problems);
    }

    @Test
    void everyServiceThatTalksToKafkaLogsInAsItsOwnKafkaUser() {
        List<String> problems = new ArrayList<>();
        Set<String> users = new HashSet<>();
        int talking = 0;
        for (JsonNode workload : workloads()) {
            String service = name(workload);
            for (JsonNode container : workload.path("spec").path("template").path("spec").path("containers")) {
                Map<String, JsonNode> env = env(container);
                if (!talksToKafka(env)) {
                    continue;
                }
                talking++;
                String where = what(workload) + " container " + container.path("name").asText();
                Optional<JsonNode> user = find("KafkaUser", service);
                if (user.isEmpty() || !"scram-sha-512".equals(user.get().path("spec").path("authentication").path("type").asText())
                        || !"simple".equals(user.get().path("spec").path("authorization").path("type").asText())) {
                    problems.add(where + " talks to Kafka: add a KafkaUser " + service
                            + " with scram-sha-512 authentication and simple authorization (overlays/prod/kafka-users.yaml)");
                }
                users.add(service);
                expect(env, "GAMEFLOW_KAFKA_SECURITY_PROTOCOL", KafkaSecurity.SASL_SSL, where, problems);
                expect(env, "GAMEFLOW_KAFKA_SASL_MECHANISM", KafkaSecurity.SCRAM_SHA_512, where, problems);
                expect(env, "GAMEFLOW_KAFKA_SASL_USERNAME", service, where, problems);
                JsonNode password = Optional.ofNullable(env.get("GAMEFLOW_KAFKA_SASL_PASSWORD")).orElse(MissingNode.getInstance())
                        .path("valueFrom").path("secretKeyRef");
                if (!service.equals(password.path("name").asText()) || !"password".equals(password.path("key").asText())) {
                    problems.add(where + ": take GAMEFLOW_KAFKA_SASL_PASSWORD from the User Operator's Secret " + service + ", key password");
                }
                String truststore = text(env.get("GAMEFLOW_KAFKA_SSL_TRUSTSTORE_LOCATION"));
                if (truststore == null || !mountsClusterCa(workload, container, truststore)) {
                    problems.add(where + ": set GAMEFLOW_KAFKA_SSL_TRUSTSTORE_LOCATION to a file of a volume from the Secret "
                            + "<cluster>-cluster-ca-cert (ca.crt), mounted into the container");
                }
            }
        }
        if (talking == 0) {
            problems.add("no workload of the prod overlay talks to Kafka: the check found nothing to check");
        }
        for (JsonNode user : kind("KafkaUser")) {
            if (!users.contains(name(user))) {
                problems.add("KafkaUser " + name(user) + " is used by no workload: drop it, a spare password is a risk");
            }
        }
        assertNone(problems);
    }

    @Test
    void literalTopicAclsNameTopicsThatExist() {
        Set<String> topics = new HashSet<>();
        kind("KafkaTopic").forEach(t -> topics.add(t.path("spec").path("topicName").asText(name(t))));
        List<String> problems = new ArrayList<>();
        for (JsonNode user : kind("KafkaUser")) {
            for (JsonNode acl : user.path("spec").path("authorization").path("acls")) {
                JsonNode resource = acl.path("resource");
                if ("topic".equals(resource.path("type").asText()) && !"prefix".equals(resource.path("patternType").asText())
                        && !topics.contains(resource.path("name").asText())) {
                    problems.add("KafkaUser " + name(user) + " grants on topic " + resource.path("name").asText()
                            + ", which no KafkaTopic declares: a typo, or a topic that is gone");
                }
            }
        }
        assertNone(problems);
    }

    /**
     * Kafka Streams names its internal topics, its group and its transactional ids after the application id: a
     * Streams service's KafkaUser must grant those under the id the service runs with (its ConfigMap's, else the
     * default of its application.properties), or it cannot start.
     */
    @Test
    void streamsServicesAreGrantedTheirApplicationIdsResources() throws IOException {
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (JsonNode workload : workloads()) {
            String service = name(workload);
            String properties = Files.readString(ExternalTool.root().resolve(service)
                    .resolve("src/main/resources/application.properties"));
            Matcher id = Pattern.compile(
                    "(?m)^quarkus\\.kafka-streams\\.application-id=(\\S+)").matcher(properties);
            if (!id.find()) {
                continue;
            }
            checked++;
            String applicationId = Optional.ofNullable(text(env(workload.path("spec").path("template").path("spec")
                    .path("containers").path(0)).get("QUARKUS_KAFKA_STREAMS_APPLICATION_ID"))).orElse(id.group(1));
            List<JsonNode> acls = find("KafkaUser", service).map(u -> list(u.path("spec").path("authorization").path("acls")))
                    .orElse(List.of());
            for (String[] needed : new String[][]{{"topic", applicationId + "-", "prefix", "Create"},
                    {"group", applicationId, "literal", "Read"}, {"transactionalId", applicationId + "-", "prefix", "Write"}}) {
                boolean granted = acls.stream().anyMatch(acl -> needed[0].equals(acl.path("resource").path("type").asText())
                        && needed[1].equals(acl.path("resource").path("name").asText())
                        && needed[2].equals(acl.path("resource").path("patternType").asText("literal"))
                        && list(acl.path("operations")).stream().anyMatch(op -> needed[3].equals(op.asText())));
                if (!granted) {
                    problems.add("KafkaUser " + service + " must grant " + needed[3] + " on " + needed[0] + " " + needed[1]
                            + " (" + needed[2] + "): " + service + " runs Kafka Streams as " + applicationId);
                }
            }
        }
        assertTrue(checked >= 2, "found " + checked + " Kafka Streams services in the prod overlay; expected engagement and metrics");
        assertNone(problems);
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items;
    }

    /** A container whose service reads KAFKA_BOOTSTRAP_SERVERS, unless the generator in a mode without Kafka. */
    private static boolean talksToKafka(Map<String, JsonNode> env) {
        String generatorMode = text(env.get("GAMEFLOW_GENERATOR_MODE"));
        return env.containsKey("KAFKA_BOOTSTRAP_SERVERS") && !"http".equals(generatorMode) && !"none".equals(generatorMode);
    }

    private static boolean mountsClusterCa(JsonNode workload, JsonNode container, String file) {
        Map<String, String> caVolumes = new HashMap<>();
        for (JsonNode volume : workload.path("spec").path("template").path("spec").path("volumes")) {
            String secret = volume.path("secret").path("secretName").asText();
            if (secret.endsWith("-cluster-ca-cert")) {
                caVolumes.put(volume.path("name").asText(), secret);
            }
        }
        for (JsonNode mount : container.path("volumeMounts")) {
            if (caVolumes.containsKey(mount.path("name").asText()) && file.startsWith(mount.path("mountPath").asText() + "/")) {
                return true;
            }
        }
        return false;
    }

    /** The container's env entries by name, those of its ConfigMaps as {@code value} entries. */
    private static Map<String, JsonNode> env(JsonNode container) {
        Map<String, JsonNode> env = new HashMap<>();
        for (JsonNode from : container.path("envFrom")) {
            find("ConfigMap", from.path("configMapRef").path("name").asText()).ifPresent(map -> map.path("data").fields()
                    .forEachRemaining(e -> env.put(e.getKey(), JsonNodeFactory.instance.objectNode().put("value", e.getValue().asText()))));
        }
        container.path("env").forEach(e -> env.put(e.path("name").asText(), e));
        return env;
    }

    private static void expect(Map<String, JsonNode> env, String name, String value, String where, List<String> problems) {
        if (!value.equals(text(env.get(name)))) {
            problems.add(where + ": set " + name + "=" + value + " (it is " + text(env.get(name)) + ")");
        }
    }

    private static String text(JsonNode entry) {
        return entry == null || !entry.has("value") ? null : entry.path("value").asText();
    }

    private static List<JsonNode> kind(String kind) {
        return prod.stream().filter(d -> kind.equals(d.path("kind").asText())).toList();
    }

    private static List<JsonNode> workloads() {
        return Stream.concat(kind("Deployment").stream(), kind("StatefulSet").stream()).toList();
    }

    private static Optional<JsonNode> find(String kind, String name) {
        return kind(kind).stream().filter(d -> name.equals(name(d))).findFirst();
    }

    private static String name(JsonNode doc) {
        return doc.path("metadata").path("name").asText();
    }

    private static String what(JsonNode doc) {
        return doc.path("kind").asText() + " " + name(doc);
    }

    private static void assertNone(List<String> problems) {
        assertTrue(problems.isEmpty(), "deploy/k8s/overlays/prod:\n  " + String.join("\n  ", problems));
    }
}
