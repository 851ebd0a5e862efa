package io.gameflow.metrics.messaging;

import io.gameflow.kafka.KafkaClientConfig;
import io.gameflow.kafka.KafkaSecurity;
import io.gameflow.kafka.embedded.ServiceConfigForTests;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** AlertLog and AlertForwarder read server-alerts with consumers of their own: both carry the service's Kafka security. */
class HandMadeConsumersKafkaSecurityTest {

    private static Config securedConfig(Path dir) throws Exception {
        String truststore = Files.writeString(dir.resolve("ca.p12"), "store").toString();
        return ServiceConfigForTests.of(Map.of(
                KafkaClientConfig.BOOTSTRAP_SERVERS, "broker:9093",
                KafkaSecurity.PROTOCOL, "SASL_SSL",
                KafkaSecurity.SASL_USERNAME, "metrics-service",
                KafkaSecurity.SASL_PASSWORD, "metrics-password",
                KafkaSecurity.TRUSTSTORE_LOCATION, truststore,
                KafkaSecurity.TRUSTSTORE_PASSWORD, "store-password"));
    }

    private static void assertSecured(Properties props) {
        assertEquals("broker:9093", props.get("bootstrap.servers"));
        assertEquals("SASL_SSL", props.get("security.protocol"));
        assertEquals("SCRAM-SHA-512", props.get("sasl.mechanism"));
        assertTrue(props.get("sasl.jaas.config").toString().contains("username=\"metrics-service\" password=\"metrics-password\""));
        assertEquals("PKCS12", props.get("ssl.truststore.type"));
        assertEquals("store-password", props.get("ssl.truststore.password"));
    }

    @Test
    void theAlertLogLogsInWithTheServicesSettings(@TempDir Path dir) throws Exception {
        Properties props = new AlertLog(securedConfig(dir)).consumerProperties();
        assertSecured(props);
        assertEquals("read_committed", props.get("isolation.level"));
    }

    @Test
    void theForwarderLogsInWithTheServicesSettingsInItsGroup(@TempDir Path dir) throws Exception {
        Properties props = AlertForwarder.consumerProperties(KafkaClientConfig.from(securedConfig(dir)), "metrics-service-alertmanager");
        assertSecured(props);
        assertEquals("metrics-service-alertmanager", props.get("group.id"));
    }
}
