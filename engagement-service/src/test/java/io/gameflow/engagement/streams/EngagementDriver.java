package io.gameflow.engagement.streams;

import io.gameflow.engagement.config.ShippedConfig;
import io.gameflow.engagement.domain.EngagementSettings;
import io.gameflow.engagement.observability.EngagementMeters;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TopologyTestDriver;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;

/** The whole engagement topology with the default settings in a test driver, as production runs it (exactly-once). */
final class EngagementDriver {

    /** As application.properties sets it. */
    static final Duration COMMIT_INTERVAL = Duration.ofMillis(200);

    private EngagementDriver() {
    }

    /**
     * Lets one commit interval of wall-clock time pass, so that the level/map deltas reach the cell totals
     * ({@link LevelMapDeltas}) as they would at the next commit.
     */
    static void sendLevelMapDeltas(TopologyTestDriver driver) {
        driver.advanceWallClockTime(COMMIT_INTERVAL);
    }

    static TopologyTestDriver open(Path stateDir, MeterRegistry registry, Instant wallClockStart) {
        return open(stateDir, registry, wallClockStart, ShippedConfig.engagement().settings());
    }

    /** As {@link #open(Path, MeterRegistry, Instant)}, with other settings. */
    static TopologyTestDriver open(Path stateDir, MeterRegistry registry, Instant wallClockStart, EngagementSettings settings) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "engagement-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, (int) COMMIT_INTERVAL.toMillis());
        return new TopologyTestDriver(EngagementTopology.build(settings, ShippedConfig.engagement().fraudRules(),
                InputTime.from(ShippedConfig.engagement()), new EngagementMeters(registry)), props, wallClockStart);
    }
}
