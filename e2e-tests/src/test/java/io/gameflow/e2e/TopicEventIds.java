package io.gameflow.e2e;

import io.gameflow.events.EventHeaders;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The event ids on a topic, read from its beginning to its current end with a plain consumer (no group), each with
 * how many records carry it: ingest writes the id of every event into the record header event_id.
 */
final class TopicEventIds {

    private final Map<String, Integer> copiesById;
    private final long records;

    private TopicEventIds(Map<String, Integer> copiesById, long records) {
        this.copiesById = copiesById;
        this.records = records;
    }

    static TopicEventIds read(String bootstrapServers, String topic, Duration timeout) {
        Map<String, Integer> copies = new HashMap<>();
        long records = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, timeout).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, timeout);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!partitions.stream().allMatch(p -> consumer.position(p, timeout) >= ends.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("could not read " + topic + " to its end " + ends + " within " + timeout);
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    records++;
                    Header header = record.headers().lastHeader(EventHeaders.EVENT_ID);
                    String id = header == null ? "(no event_id header)" : new String(header.value(), StandardCharsets.UTF_8);
                    copies.merge(id, 1, Integer::sum);
                }
            }
        }
        return new TopicEventIds(copies, records);
    }

    long records() {
        return records;
    }

    boolean contains(String id) {
        return copiesById.containsKey(id);
    }

    /** Records beyond the first of their event id: what a resent batch left behind. */
    long copies() {
        return copiesById.values().stream().mapToLong(n -> n - 1).sum();
    }

    /** Event ids that more than one record carries. */
    long idsWithCopies() {
        return copiesById.values().stream().filter(n -> n > 1).count();
    }
}
