package io.gameflow.kafka.embedded;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `GAMEFLOW_KEEP_DATA=true` with a secured broker: the users, their passwords and their ACLs outlive a restart. */
class SecuredBrokerRestartTest {

    @Test
    void aSecuredBrokerRestartsWithItsUsersPasswordsAndAcls(@TempDir Path dataDir) throws Exception {
        int[] ports = EmbeddedKafka.freePorts(2);
        EmbeddedKafka first = EmbeddedKafka.startSecured(dataDir, ports[0], ports[1], List.of("writer"));
        String password = first.security().password("writer");
        first.createTopics(List.of("kept"), 1);
        first.allow(List.of(new AclBinding(new ResourcePattern(ResourceType.TOPIC, "kept", PatternType.LITERAL),
                new AccessControlEntry("User:writer", "*", AclOperation.WRITE, AclPermissionType.ALLOW))));
        first.stop();

        EmbeddedKafka second = EmbeddedKafka.startSecured(dataDir, ports[0], ports[1], List.of("writer"));
        try {
            assertEquals(password, second.security().password("writer"));
            try (var producer = new KafkaProducer<>(second.clientConfig("writer").properties(), new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>("kept", "k", "v")).get(30, TimeUnit.SECONDS);
            }
        } finally {
            second.stop();
        }
    }

    @Test
    void dataOfAnOpenBrokerIsRefusedToASecuredOne(@TempDir Path dataDir) {
        int[] ports = EmbeddedKafka.freePorts(2);
        EmbeddedKafka.start(dataDir, ports[0], ports[1]).stop();
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> EmbeddedKafka.startSecured(dataDir, ports[0], ports[1], List.of("writer")));
        assertTrue(e.getMessage().contains("open broker"), e.getMessage());
    }
}
