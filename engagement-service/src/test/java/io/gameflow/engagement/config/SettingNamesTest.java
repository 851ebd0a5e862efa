package io.gameflow.engagement.config;

import io.gameflow.config.RenamedSettings;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The service's own application.properties and renamed-settings table, read as Quarkus reads them: the environment
 * above the file (an environment source of the test's own, as a test cannot set environment variables), old names
 * through {@link RenamedSettings}, durations through Quarkus' converter.
 */
class SettingNamesTest {

    private static SmallRyeConfig config(Map<String, String> environment) throws IOException {
        return new SmallRyeConfigBuilder().addDefaultInterceptors()
                .withInterceptors(new RenamedSettings())
                .withConverter(Duration.class, 200, new DurationConverter())
                .withSources(new PropertiesConfigSource(
                        SettingNamesTest.class.getClassLoader().getResource("application.properties"), 250))
                .withSources(new EnvConfigSource(environment, 300))
                .withMapping(EngagementConfig.class)
                .build();
    }

    @Test
    void theDefaultsAreWhatTheyWere() throws IOException {
        SmallRyeConfig config = config(Map.of());
        EngagementConfig engagement = config.getConfigMapping(EngagementConfig.class);
        assertEquals(Duration.ofMinutes(5), engagement.sessionGap());
        assertEquals(Duration.ofMinutes(3), engagement.stuckAfter());
        assertEquals(Duration.ofSeconds(30), engagement.grace());
        assertEquals(Duration.ofMinutes(10), engagement.dedupeWindow());
        assertEquals(Duration.ofDays(2), engagement.maxEventAhead());
        assertEquals(Duration.ofMinutes(2), engagement.maxClockSkew());
        assertEquals(Duration.ofSeconds(5), engagement.gaugesEvery());
        assertEquals("localhost:8082", config.getValue("quarkus.kafka-streams.application-server", String.class));
        assertEquals("engagement-service", config.getValue("quarkus.kafka-streams.application-id", String.class));
    }

    @Test
    void anOldEnvironmentNameStillSetsItsSetting() throws IOException {
        SmallRyeConfig config = config(Map.of("ENGAGEMENT_SESSION_GAP", "7M", "ENGAGEMENT_PORT", "18082",
                "ENGAGEMENT_ADVERTISED_HOST", "engagement-1.engagement", "KAFKA_STREAMS_STANDBY_REPLICAS", "1"));
        assertEquals(Duration.ofMinutes(7), config.getConfigMapping(EngagementConfig.class).sessionGap());
        assertEquals(18082, config.getValue("quarkus.http.port", Integer.class));
        assertEquals("engagement-1.engagement:18082", config.getValue("quarkus.kafka-streams.application-server", String.class));
        assertEquals(1, config.getValue("kafka-streams.num.standby.replicas", Integer.class));
    }

    @Test
    void anOldPropertyNameStillSetsItsSetting() throws IOException {
        SmallRyeConfig config = config(Map.of("gameflow.engagement.max-future", "P3D"));
        assertEquals(Duration.ofDays(3), config.getConfigMapping(EngagementConfig.class).maxEventAhead());
    }

    @Test
    void theNewNameWinsOverTheOld() throws IOException {
        SmallRyeConfig config = config(Map.of("ENGAGEMENT_SESSION_GAP", "7m", "GAMEFLOW_ENGAGEMENT_SESSION_GAP", "9m",
                "ENGAGEMENT_MAX_FUTURE", "1d", "gameflow.engagement.max-future", "P3D",
                "GAMEFLOW_ENGAGEMENT_MAX_EVENT_AHEAD", "4d"));
        EngagementConfig engagement = config.getConfigMapping(EngagementConfig.class);
        assertEquals(Duration.ofMinutes(9), engagement.sessionGap());
        assertEquals(Duration.ofDays(4), engagement.maxEventAhead());
    }

    @Test
    void durationsTakeQuarkusFormAndIso8601Alike() {
        DurationConverter durations = new DurationConverter();
        assertEquals(Duration.ofMillis(200), durations.convert("200ms"));
        assertEquals(Duration.ofSeconds(30), durations.convert("30s"));
        assertEquals(Duration.ofMinutes(5), durations.convert("5m"));
        assertEquals(Duration.ofMinutes(5), durations.convert("5M"));
        assertEquals(Duration.ofDays(2), durations.convert("2d"));
        assertEquals(Duration.ofDays(2), durations.convert("P2D"));
        assertEquals(Duration.ofMinutes(2), durations.convert("PT2M"));
    }
}
