package io.gameflow.kafka.embedded;

import io.gameflow.kafka.KafkaClientConfig;
import io.gameflow.kafka.KafkaSecurity;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The secured broker: SCRAM over TLS, one user per name, each allowed what its ACLs say and nothing else. */
class SecuredEmbeddedKafkaTest {

    private static final String TOPIC = "secured-topic";
    private static EmbeddedKafka kafka;

    @BeforeAll
    static void startBroker() {
        kafka = EmbeddedKafka.startSecuredOnFreePorts(List.of("writer", "stranger"));
        kafka.createTopics(List.of(TOPIC), 1);
        kafka.allow(List.of(new AclBinding(new ResourcePattern(ResourceType.TOPIC, TOPIC, PatternType.LITERAL),
                new AccessControlEntry("User:writer", "*", AclOperation.WRITE, AclPermissionType.ALLOW))));
    }

    @AfterAll
    static void stopBroker() {
        kafka.close();
    }

    private static void send(KafkaClientConfig client) throws Exception {
        Properties props = client.properties();
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000);
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        try (var producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(TOPIC, "k", "v")).get(15, TimeUnit.SECONDS);
        }
    }

    @Test
    void aUserWritesWhereItsAclAllowsAndNowhereElse() throws Exception {
        send(kafka.clientConfig("writer"));
        ExecutionException refused = assertThrows(ExecutionException.class, () -> send(kafka.clientConfig("stranger")));
        assertInstanceOf(TopicAuthorizationException.class, refused.getCause());
    }

    @Test
    void aWrongPasswordIsRefused() {
        KafkaClientConfig wrong = KafkaClientConfig.of(kafka.bootstrapServers(), kafka.security().clientSecurity("writer", "not-the-password"));
        try (Admin admin = Admin.create(wrong.properties())) {
            ExecutionException e = assertThrows(ExecutionException.class,
                    () -> admin.describeCluster().nodes().get(15, TimeUnit.SECONDS));
            assertInstanceOf(SaslAuthenticationException.class, e.getCause());
        }
    }

    @Test
    void aClientWithoutCredentialsGetsNothing() {
        Properties plaintext = KafkaClientConfig.of(kafka.bootstrapServers(), KafkaSecurity.plaintext()).properties();
        plaintext.put("default.api.timeout.ms", 5_000);
        plaintext.put("request.timeout.ms", 3_000);
        try (Admin admin = Admin.create(plaintext)) {
            assertThrows(Exception.class, () -> admin.describeCluster().nodes().get(10, TimeUnit.SECONDS));
        }
    }

    @Test
    void clientsGetTheBrokersCertificateAsPkcs12AndPem() throws Exception {
        BrokerSecurity security = kafka.security();
        assertTrue(Files.size(security.truststore()) > 0);
        assertTrue(Files.readString(security.certificatePem()).startsWith("-----BEGIN CERTIFICATE-----"));
        assertEquals("SASL_SSL", security.serviceEnvironment("writer").get("GAMEFLOW_KAFKA_SECURITY_PROTOCOL"));
        assertTrue(Files.getPosixFilePermissions(security.truststore().getParent()).stream()
                .noneMatch(p -> p.name().startsWith("OTHERS") || p.name().startsWith("GROUP")), "secrets for the owner only");
    }
}
