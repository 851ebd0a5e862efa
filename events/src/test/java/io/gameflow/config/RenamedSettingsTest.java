package io.gameflow.config;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Old names through the whole configuration, as a service reads it: application.properties at 250, a user's
 * config/application.properties-like source at 260, the environment at 300 and system properties at 400 (here as
 * property sources, since a test cannot set environment variables).
 */
class RenamedSettingsTest {

    private static final Map<String, List<String>> TABLE = Map.of(
            "gameflow.engagement.max-event-ahead", List.of("ENGAGEMENT_MAX_FUTURE", "gameflow.engagement.max-future"),
            "quarkus.http.port", List.of("ENGAGEMENT_PORT"),
            "gameflow.engagement.session-gap", List.of("ENGAGEMENT_SESSION_GAP"));

    private static final Map<String, String> APPLICATION = Map.of(
            "gameflow.engagement.max-event-ahead", "2d",
            "quarkus.http.port", "8082",
            "gameflow.engagement.session-gap", "5m",
            "quarkus.kafka-streams.application-server", "localhost:${quarkus.http.port}");

    private static SmallRyeConfig config(Map<String, String> environment, Map<String, String> system) {
        return new SmallRyeConfigBuilder().addDefaultInterceptors()
                .withInterceptors(new RenamedSettings(TABLE))
                .withSources(new PropertiesConfigSource(APPLICATION, "application.properties", 250))
                .withSources(new PropertiesConfigSource(environment, "environment", 300))
                .withSources(new PropertiesConfigSource(system, "system", 400))
                .build();
    }

    @Test
    void withoutOldNamesTheDefaultsStand() {
        SmallRyeConfig config = config(Map.of(), Map.of());
        assertEquals("2d", config.getValue("gameflow.engagement.max-event-ahead", String.class));
        assertEquals(8082, config.getValue("quarkus.http.port", Integer.class));
    }

    @Test
    void anOldEnvironmentNameStillSetsTheValue() {
        SmallRyeConfig config = config(Map.of("ENGAGEMENT_SESSION_GAP", "7m", "ENGAGEMENT_PORT", "18082"), Map.of());
        assertEquals("7m", config.getValue("gameflow.engagement.session-gap", String.class));
        assertEquals(18082, config.getValue("quarkus.http.port", Integer.class));
        // ... also where another setting refers to it
        assertEquals("localhost:18082", config.getValue("quarkus.kafka-streams.application-server", String.class));
    }

    @Test
    void anOldPropertyNameStillSetsTheValue() {
        SmallRyeConfig config = config(Map.of(), Map.of("gameflow.engagement.max-future", "P3D"));
        assertEquals("P3D", config.getValue("gameflow.engagement.max-event-ahead", String.class));
    }

    @Test
    void theNewNameWinsWhenBothAreSetInOnePlace() {
        SmallRyeConfig config = config(Map.of("ENGAGEMENT_SESSION_GAP", "7m", "gameflow.engagement.session-gap", "9m",
                "ENGAGEMENT_MAX_FUTURE", "1d", "gameflow.engagement.max-future", "3d",
                "gameflow.engagement.max-event-ahead", "4d"), Map.of());
        assertEquals("9m", config.getValue("gameflow.engagement.session-gap", String.class));
        assertEquals("4d", config.getValue("gameflow.engagement.max-event-ahead", String.class));
    }

    @Test
    void anOldNameInAStrongerPlaceWinsAsTheNewOneWould() {
        SmallRyeConfig config = config(Map.of("gameflow.engagement.session-gap", "9m"),
                Map.of("ENGAGEMENT_SESSION_GAP", "7m"));
        assertEquals("7m", config.getValue("gameflow.engagement.session-gap", String.class));
    }

    @Test
    void theFirstOldNameWinsOverALaterOneInOnePlace() {
        SmallRyeConfig config = config(Map.of("ENGAGEMENT_MAX_FUTURE", "1d", "gameflow.engagement.max-future", "3d"), Map.of());
        assertEquals("1d", config.getValue("gameflow.engagement.max-event-ahead", String.class));
    }

    @Test
    void eachOldNameIsWarnedAboutOnceNamingTheNewOne() {
        List<String> warnings = new CopyOnWriteArrayList<>();
        SmallRyeConfig config = new SmallRyeConfigBuilder().addDefaultInterceptors()
                .withInterceptors(new RenamedSettings(TABLE, warnings::add))
                .withSources(new PropertiesConfigSource(APPLICATION, "application.properties", 250))
                .withSources(new PropertiesConfigSource(Map.of("ENGAGEMENT_SESSION_GAP", "7m"), "environment", 300))
                .build();
        config.getValue("gameflow.engagement.session-gap", String.class);
        config.getValue("gameflow.engagement.session-gap", String.class);
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).contains("ENGAGEMENT_SESSION_GAP"), warnings.get(0));
        assertTrue(warnings.get(0).contains("GAMEFLOW_ENGAGEMENT_SESSION_GAP"), warnings.get(0));
    }

    @Test
    void theKafkaSecurityFactoryReadsAnOldNameToo() {
        SmallRyeConfig config = new SmallRyeConfigBuilder().addDefaultInterceptors().addDiscoveredSources()
                .withInterceptors(new RenamedSettings(Map.of("gameflow.kafka.security.protocol", List.of("KAFKA_SECURITY_PROTOCOL"))))
                .withSources(new PropertiesConfigSource(Map.of("gameflow.kafka.security.protocol", "PLAINTEXT"), "application.properties", 250))
                .withSources(new PropertiesConfigSource(Map.of("KAFKA_SECURITY_PROTOCOL", "SSL"), "environment", 300))
                .build();
        assertEquals("SSL", config.getValue("kafka.security.protocol", String.class));
    }

    @Test
    void theTableIsReadFromTheServicesClassPath() {
        Properties table = new Properties();
        table.setProperty("quarkus.http.port", " ENGAGEMENT_PORT ,x.y ");
        assertEquals(Map.of("quarkus.http.port", List.of("ENGAGEMENT_PORT", "x.y")), RenamedSettings.parse(table));
        assertEquals(Optional.empty(), Optional.ofNullable(RenamedSettings.load(new ClassLoader(null) {
        }).get("quarkus.http.port")));
        assertEquals("GAMEFLOW_ENGAGEMENT_MAX_EVENT_AHEAD", RenamedSettings.environmentName("gameflow.engagement.max-event-ahead"));
    }
}
