package io.gameflow.streams.support.query;

import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.junit.jupiter.api.Test;

import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertThrows;

/** Who else holds state can only be told while Kafka Streams runs: before, every question is "not ready" (503). */
class StreamsInstancesTest {

    @Test
    void beforeKafkaStreamsRunsNoQuestionIsAnswered() {
        StreamsBuilder builder = new StreamsBuilder();
        builder.table("input");
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "streams-instances-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:1");
        try (KafkaStreams streams = new KafkaStreams(builder.build(), props)) {
            StreamsInstances instances = new StreamsInstances(streams, "localhost:8080");

            assertThrows(InvalidStateStoreException.class, instances::others);
            assertThrows(InvalidStateStoreException.class, () -> instances.othersHolding("a-store"));
            assertThrows(InvalidStateStoreException.class, () -> instances.remoteOwnerOf("a-store", "a-key"));
        }
    }
}
