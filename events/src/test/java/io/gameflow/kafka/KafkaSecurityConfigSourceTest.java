package io.gameflow.kafka;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The settings as a service reads them: its properties, with expressions, through the registered factory. */
class KafkaSecurityConfigSourceTest {

    @TempDir
    Path dir;

    private static SmallRyeConfig config(Map<String, String> properties) {
        return new SmallRyeConfigBuilder().addDefaultInterceptors().addDiscoveredSources()
                .withSources(new PropertiesConfigSource(properties, "application.properties", 250)).build();
    }

    @Test
    void securedSettingsReachChannelsStreamsAndHandMadeClientsAlike() throws IOException {
        String truststore = Files.writeString(dir.resolve("ca.crt"), "x").toString();
        SmallRyeConfig config = config(Map.of(
                "kafka.bootstrap.servers", "broker:9093",
                "gameflow.kafka.security.protocol", "${NOT_SET_PROTOCOL:SASL_SSL}",
                "gameflow.kafka.sasl.username", "metrics",
                "gameflow.kafka.sasl.password", "pw",
                "gameflow.kafka.ssl.truststore.location", truststore));

        for (String prefix : new String[]{"kafka.", "kafka-streams."}) {
            assertEquals("SASL_SSL", config.getValue(prefix + "security.protocol", String.class));
            assertEquals("SCRAM-SHA-512", config.getValue(prefix + "sasl.mechanism", String.class));
            assertTrue(config.getValue(prefix + "sasl.jaas.config", String.class).contains("username=\"metrics\""));
            assertEquals(truststore, config.getValue(prefix + "ssl.truststore.location", String.class));
        }
        Properties handMade = KafkaClientConfig.from(config).properties();
        assertEquals("broker:9093", handMade.get("bootstrap.servers"));
        assertEquals("SASL_SSL", handMade.get("security.protocol"));
        assertEquals(config.getValue("kafka.sasl.jaas.config", String.class), handMade.get("sasl.jaas.config"));
    }

    @Test
    void theDefaultAddsOnlyPlaintextAndNoEmptyProperty() {
        SmallRyeConfig config = config(Map.of("kafka.bootstrap.servers", "localhost:9092",
                "gameflow.kafka.ssl.truststore.location", "${NOT_SET_TRUSTSTORE:}"));
        assertEquals("PLAINTEXT", config.getValue("kafka.security.protocol", String.class));
        for (String name : config.getPropertyNames()) {
            if (name.startsWith("kafka.ssl") || name.startsWith("kafka.sasl")) {
                assertFalse(config.getConfigValue(name).getValue() != null, name + " should not be there");
            }
        }
    }

    @Test
    void aBrokenSettingStopsTheConfigurationFromLoading() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> config(Map.of(
                "gameflow.kafka.security.protocol", "SASL_SSL", "gameflow.kafka.sasl.username", "ingest")));
        assertTrue(e.getMessage().contains("GAMEFLOW_KAFKA_SASL_PASSWORD"), e.getMessage());
    }
}
