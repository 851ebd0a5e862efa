package io.gameflow.engagement.messaging;

import io.gameflow.streams.support.feed.TopicFeed;
import io.gameflow.kafka.KafkaClientConfig;
import io.gameflow.kafka.KafkaSecurity;
import io.gameflow.kafka.embedded.ServiceConfigForTests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The feeds of FindingsLog are consumers engagement makes by hand: they must carry the service's Kafka security. */
class FindingsLogKafkaSecurityTest {

    @Test
    void everyFeedLogsInWithTheServicesSettings(@TempDir Path dir) throws Exception {
        String truststore = Files.writeString(dir.resolve("ca.crt"), "-----BEGIN CERTIFICATE-----").toString();
        FindingsLog log = new FindingsLog(ServiceConfigForTests.of(Map.of(
                KafkaClientConfig.BOOTSTRAP_SERVERS, "broker:9093",
                KafkaSecurity.PROTOCOL, "SASL_SSL",
                KafkaSecurity.SASL_USERNAME, "engagement-service",
                KafkaSecurity.SASL_PASSWORD, "engagement-password",
                KafkaSecurity.TRUSTSTORE_LOCATION, truststore)));

        assertEquals(2, log.feeds().size());
        for (TopicFeed feed : log.feeds()) {
            Properties props = feed.consumerProperties();
            assertEquals("broker:9093", props.get("bootstrap.servers"));
            assertEquals("SASL_SSL", props.get("security.protocol"));
            assertEquals("SCRAM-SHA-512", props.get("sasl.mechanism"));
            assertTrue(props.get("sasl.jaas.config").toString().contains("username=\"engagement-service\" password=\"engagement-password\""));
            assertEquals(truststore, props.get("ssl.truststore.location"));
            assertEquals("PEM", props.get("ssl.truststore.type"));
            assertEquals("read_committed", props.get("isolation.level"), "the feed's own settings stay");
        }
    }
}
