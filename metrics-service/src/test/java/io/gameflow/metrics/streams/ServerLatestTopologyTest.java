package io.gameflow.metrics.streams;

import io.gameflow.events.Topics;
import io.gameflow.metrics.domain.ServerSample;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Properties;

import static io.gameflow.metrics.ServerMetricJson.event;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class ServerLatestTopologyTest {

    private static final Instant T0 = Instant.parse("2024-11-12T10:16:30Z");

    @TempDir
    Path stateDir;

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private TopologyTestDriver driver;
    private TestInputTopic<String, String> input;
    private KeyValueStore<String, ValueAndTimestamp<ServerSample>> store;

    @BeforeEach
    void start() {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "metrics-service-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        driver = new TopologyTestDriver(ServerLatestTopology.build(new SkippedRecords(registry, Topics.SERVER_METRICS)), props);
        input = driver.createInputTopic(Topics.SERVER_METRICS, new StringSerializer(), new StringSerializer());
        store = driver.getTimestampedKeyValueStore(ServerLatestTopology.STORE);
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    private ServerSample stored(String serverId) {
        ValueAndTimestamp<ServerSample> entry = store.get(serverId);
        return entry == null ? null : entry.value();
    }

    private double skipped() {
        return registry.get(SkippedRecords.METER).tag("topic", Topics.SERVER_METRICS).counter().count();
    }

    @Test
    void keepsTheLatestSamplePerServer() {
        input.pipeInput("s1", event("s1", "eu-central", 10, 20, 30, T0));
        input.pipeInput("s1", event("s1", "eu-central", 40, 50, 60, T0.plusSeconds(5)));

        assertEquals(new ServerSample("s1", "eu-central", "dedicated", 40, 50, 60, T0.plusSeconds(5).toString()), stored("s1"));
    }

    @Test
    void anOlderSampleArrivingLateDoesNotReplaceANewerOne() {
        input.pipeInput("s1", event("s1", 70, T0.plusSeconds(10)));
        input.pipeInput("s1", event("s1", 20, T0));

        assertEquals(70, stored("s1").cpuLoad());
        assertEquals(T0.plusSeconds(10), stored("s1").lastSeenTime());
    }

    @Test
    void keepsServersApart() {
        input.pipeInput("s1", event("s1", 11, T0));
        input.pipeInput("s2", event("s2", 22, T0.minusSeconds(60)));

        assertEquals(11, stored("s1").cpuLoad());
        assertEquals(22, stored("s2").cpuLoad());
        assertEquals(T0.minusSeconds(60), stored("s2").lastSeenTime());
    }

    @Test
    void skipsUnusableRecordsAndGoesOn() {
        input.pipeInput("s1", "{not json");
        input.pipeInput("s1", event("s1", 150, T0));
        input.pipeInput("s1", (String) null);
        input.pipeInput("s1", event("s1", 35, T0.plusSeconds(1)));

        assertEquals(35, stored("s1").cpuLoad());
        assertEquals(3, skipped());
    }

    @Test
    void skipsOtherEventKindsAndRecordsNotKeyedByTheirServer() {
        input.pipeInput("p1", "{\"event_name\":\"player_action\",\"event_timestamp\":\"2024-11-12T10:15:30Z\","
                + "\"parameters\":{\"player_id\":\"p1\",\"session_id\":\"x\",\"event_type\":\"move\",\"level_id\":\"l1\",\"map_id\":\"m1\"},"
                + "\"user_data\":{\"user_id\":\"u1\",\"platform\":\"pc\"}}");
        input.pipeInput("other", event("s9", 10, T0));

        assertNull(stored("p1"));
        assertNull(stored("other"));
        assertNull(stored("s9"));
        assertEquals(2, skipped());
    }
}
