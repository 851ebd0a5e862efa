package io.gameflow.kafka.embedded;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The users and ACLs of Strimzi {@code KafkaUser} manifests (deploy/k8s), as Kafka ACL bindings: so that the secured
 * embedded broker enforces exactly what the prod cluster's User Operator would, and a test on it checks the
 * manifests. Reads {@code spec.authorization.acls} of type {@code simple}: resource type, name and pattern type,
 * operations, host and allow/deny, with Strimzi's defaults (literal, host *, allow).
 */
public final class KafkaUserManifests {

    /** Strimzi's name of the cluster resource, which Kafka calls {@code kafka-cluster}. */
    private static final String CLUSTER_RESOURCE_NAME = "kafka-cluster";

    private final Map<String, List<AclBinding>> aclsByUser;

    private KafkaUserManifests(Map<String, List<AclBinding>> aclsByUser) {
        this.aclsByUser = aclsByUser;
    }

    /** Every {@code KafkaUser} of a (multi-document) YAML file; other kinds are skipped. */
    public static KafkaUserManifests read(Path yaml) {
        ObjectMapper mapper = new ObjectMapper(new YAMLFactory());
        Map<String, List<AclBinding>> aclsByUser = new LinkedHashMap<>();
        try (var documents = mapper.readerFor(JsonNode.class).<JsonNode>readValues(Files.readString(yaml))) {
            while (documents.hasNext()) {
                JsonNode document = documents.next();
                if (document != null && "KafkaUser".equals(document.path("kind").asText())) {
                    String user = document.path("metadata").path("name").asText();
                    aclsByUser.put(user, aclsOf(user, document.path("spec").path("authorization")));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read KafkaUser manifests " + yaml, e);
        }
        if (aclsByUser.isEmpty()) {
            throw new IllegalArgumentException("no KafkaUser in " + yaml);
        }
        return new KafkaUserManifests(aclsByUser);
    }

    public List<String> users() {
        return List.copyOf(aclsByUser.keySet());
    }

    public List<AclBinding> aclsOf(String user) {
        return aclsByUser.getOrDefault(user, List.of());
    }

    public List<AclBinding> allAcls() {
        return aclsByUser.values().stream().flatMap(List::stream).toList();
    }

    private static List<AclBinding> aclsOf(String user, JsonNode authorization) {
        if (authorization.isMissingNode()) {
            return List.of();
        }
        if (!"simple".equals(authorization.path("type").asText())) {
            throw new IllegalArgumentException("KafkaUser " + user + ": authorization type "
                    + authorization.path("type").asText() + " is not simple");
        }
        List<AclBinding> bindings = new ArrayList<>();
        for (JsonNode acl : authorization.path("acls")) {
            ResourcePattern resource = resourceOf(user, acl.path("resource"));
            AclPermissionType permission = AclPermissionType.fromString(acl.path("type").asText("allow"));
            String host = acl.path("host").asText("*");
            for (String operation : operationsOf(acl)) {
                AclOperation op = AclOperation.fromString(upperSnake(operation));
                if (op == AclOperation.UNKNOWN) {
                    throw new IllegalArgumentException("KafkaUser " + user + ": unknown operation " + operation);
                }
                bindings.add(new AclBinding(resource, new AccessControlEntry("User:" + user, host, op, permission)));
            }
        }
        return bindings;
    }

    private static ResourcePattern resourceOf(String user, JsonNode resource) {
        ResourceType type = switch (resource.path("type").asText()) {
            case "topic" -> ResourceType.TOPIC;
            case "group" -> ResourceType.GROUP;
            case "cluster" -> ResourceType.CLUSTER;
            case "transactionalId" -> ResourceType.TRANSACTIONAL_ID;
            default -> throw new IllegalArgumentException("KafkaUser " + user + ": unknown resource type "
                    + resource.path("type").asText());
        };
        if (type == ResourceType.CLUSTER) {
            return new ResourcePattern(type, CLUSTER_RESOURCE_NAME, PatternType.LITERAL);
        }
        PatternType pattern = "prefix".equals(resource.path("patternType").asText("literal")) ? PatternType.PREFIXED : PatternType.LITERAL;
        return new ResourcePattern(type, resource.path("name").asText(), pattern);
    }

    /** Strimzi's {@code operations} list, or the older single {@code operation}. */
    private static List<String> operationsOf(JsonNode acl) {
        List<String> operations = new ArrayList<>();
        acl.path("operations").forEach(op -> operations.add(op.asText()));
        if (acl.hasNonNull("operation")) {
            operations.add(acl.path("operation").asText());
        }
        return operations;
    }

    /** IdempotentWrite → IDEMPOTENT_WRITE, as Kafka names its operations. */
    private static String upperSnake(String camel) {
        return camel.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
    }
}
