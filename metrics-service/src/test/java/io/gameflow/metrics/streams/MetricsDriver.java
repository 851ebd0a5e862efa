package io.gameflow.metrics.streams;

import io.gameflow.events.Topics;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Properties;

/** The health topology in a test driver, with its input, alert and dead-letter topics. */
record MetricsDriver(TopologyTestDriver driver, TestInputTopic<String, String> input,
                     TestOutputTopic<String, String> alerts, TestOutputTopic<String, String> deadLetters) {

    static MetricsDriver open(Topology topology, Path stateDir, Instant wallClockStart) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "metrics-service-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        TopologyTestDriver driver = new TopologyTestDriver(topology, props, wallClockStart);
        return new MetricsDriver(driver,
                driver.createInputTopic(Topics.SERVER_METRICS, new StringSerializer(), new StringSerializer()),
                driver.createOutputTopic(MetricsTopology.ALERTS, new StringDeserializer(), new StringDeserializer()),
                driver.createOutputTopic(MetricsTopology.DEAD_LETTERS, new StringDeserializer(), new StringDeserializer()));
    }
}
