package io.gameflow.streams.support.health;

import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;

class StreamsRunningCheckTest {

    @Test
    void streamsNotRunningYetIsNotReadyAndSaysItsState() {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream("input");
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "streams-running-check-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:1");
        try (KafkaStreams streams = new KafkaStreams(builder.build(), props)) {
            HealthCheckResponse response = new StreamsRunningCheck(streams).call();

            assertEquals("Kafka Streams running", response.getName());
            assertEquals(HealthCheckResponse.Status.DOWN, response.getStatus());
            assertEquals("CREATED", response.getData().orElseThrow().get("state"));
        }
    }
}
