package io.gameflow.streams.support.feed;

import io.gameflow.kafka.KafkaClientConfig;
import io.gameflow.kafka.KafkaSecurity;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class TopicFeedTest {

    private final KafkaClientConfig kafka = KafkaClientConfig.of("broker:9092", KafkaSecurity.plaintext());
    private final List<String> read = new ArrayList<>();

    @Test
    void readsCommittedRecordsWithoutAGroupOrCommits() {
        Properties props = new TopicFeed(kafka, "alerts", read::add).consumerProperties();

        assertEquals("broker:9092", props.get("bootstrap.servers"));
        assertEquals("read_committed", props.get("isolation.level"));
        assertEquals("false", props.get("enable.auto.commit"));
        assertFalse(props.containsKey("group.id"));
        assertFalse(props.containsKey("client.id"));
    }

    @Test
    void aClientIdOfItsOwnWhenGivenOne() {
        TopicFeed feed = new TopicFeed(kafka, "alerts", read::add).withClientId("metrics-service-alert-log");

        assertEquals("metrics-service-alert-log", feed.consumerProperties().get("client.id"));
        assertEquals("alerts", feed.topic());
    }

    @Test
    void aValueTheReaderCannotTakeIsSkippedAndTheNextIsRead() {
        TopicFeed feed = new TopicFeed(kafka, "alerts", value -> {
            if (value.startsWith("bad")) {
                throw new IllegalArgumentException("unreadable");
            }
            read.add(value);
        });

        feed.read(new ConsumerRecord<>("alerts", 0, 0, "k", "bad one"));
        feed.read(new ConsumerRecord<>("alerts", 0, 1, "k", "good one"));

        assertEquals(List.of("good one"), read);
    }
}
