package io.gameflow.kafka.embedded;

import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KafkaUserManifestsTest {

    private static AclBinding allow(ResourceType type, String name, PatternType pattern, String user, AclOperation operation) {
        return new AclBinding(new ResourcePattern(type, name, pattern),
                new AccessControlEntry("User:" + user, "*", operation, AclPermissionType.ALLOW));
    }

    @Test
    void readsStrimziAclsAsKafkaBindings(@TempDir Path dir) throws Exception {
        Path yaml = Files.writeString(dir.resolve("users.yaml"), """
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: not-a-user}
                ---
                apiVersion: kafka.strimzi.io/v1beta2
                kind: KafkaUser
                metadata: {name: streams-app}
                spec:
                  authentication: {type: scram-sha-512}
                  authorization:
                    type: simple
                    acls:
                      - resource: {type: topic, name: input}
                        operations: [Read, Describe]
                      - resource: {type: topic, name: streams-app-, patternType: prefix}
                        operations: [DescribeConfigs]
                      - resource: {type: transactionalId, name: streams-app-, patternType: prefix}
                        operation: Write
                      - resource: {type: group, name: streams-app}
                        operations: [Read]
                        type: deny
                      - resource: {type: cluster}
                        operations: [IdempotentWrite]
                """);
        KafkaUserManifests manifests = KafkaUserManifests.read(yaml);
        assertEquals(List.of("streams-app"), manifests.users());
        List<AclBinding> acls = manifests.aclsOf("streams-app");
        assertEquals(6, acls.size(), acls::toString);
        assertTrue(acls.contains(allow(ResourceType.TOPIC, "input", PatternType.LITERAL, "streams-app", AclOperation.READ)));
        assertTrue(acls.contains(allow(ResourceType.TOPIC, "input", PatternType.LITERAL, "streams-app", AclOperation.DESCRIBE)));
        assertTrue(acls.contains(allow(ResourceType.TOPIC, "streams-app-", PatternType.PREFIXED, "streams-app", AclOperation.DESCRIBE_CONFIGS)));
        assertTrue(acls.contains(allow(ResourceType.TRANSACTIONAL_ID, "streams-app-", PatternType.PREFIXED, "streams-app", AclOperation.WRITE)));
        assertTrue(acls.contains(allow(ResourceType.CLUSTER, "kafka-cluster", PatternType.LITERAL, "streams-app", AclOperation.IDEMPOTENT_WRITE)));
        assertTrue(acls.contains(new AclBinding(new ResourcePattern(ResourceType.GROUP, "streams-app", PatternType.LITERAL),
                new AccessControlEntry("User:streams-app", "*", AclOperation.READ, AclPermissionType.DENY))));
    }

    @Test
    void anOperationKafkaDoesNotKnowIsRefused(@TempDir Path dir) throws Exception {
        Path yaml = Files.writeString(dir.resolve("users.yaml"), """
                kind: KafkaUser
                metadata: {name: typo}
                spec:
                  authorization:
                    type: simple
                    acls:
                      - resource: {type: topic, name: input}
                        operations: [Reed]
                """);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> KafkaUserManifests.read(yaml));
        assertTrue(e.getMessage().contains("Reed"), e.getMessage());
    }
}
