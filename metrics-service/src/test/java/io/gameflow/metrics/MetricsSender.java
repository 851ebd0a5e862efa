package io.gameflow.metrics;

import io.gameflow.events.EventHeaders;
import io.gameflow.events.Topics;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

/**
 * Sends server-metrics records to the test broker, each acknowledged before the next. Samples dated far ahead go
 * to {@link #FUTURE_PARTITION} only, and {@link #serverAwayFromTheFuture} picks ids of other partitions, so that
 * the stream time they set (and the silence it implies) stays away from the tests of alerts.
 */
public final class MetricsSender implements AutoCloseable {

    public static final int FUTURE_PARTITION = 0;

    private static MetricsSender shared;

    private final KafkaProducer<String, String> producer;

    /** One sender to the test broker for all test classes, closed when the JVM ends. */
    public static synchronized MetricsSender toTestBroker() {
        if (shared == null) {
            MetricsSender sender = new MetricsSender(io.gameflow.kafka.embedded.KafkaTestResource.broker().bootstrapServers());
            Runtime.getRuntime().addShutdownHook(new Thread(sender::close, "metrics-sender-close"));
            shared = sender;
        }
        return shared;
    }

    public MetricsSender(String bootstrapServers) {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer());
    }

    public void send(String key, String value) {
        send(partitionOf(key), key, value);
    }

    public void send(int partition, String key, String value) {
        send(partition, key, value, List.of());
    }

    /** As ingest writes a sample of a traced request: with its W3C traceparent header. */
    public void sendTraced(String key, String value, String traceparent) {
        send(partitionOf(key), key, value,
                List.of(new RecordHeader("traceparent", traceparent.getBytes(StandardCharsets.UTF_8))));
    }

    private void send(int partition, String key, String value, List<RecordHeader> moreHeaders) {
        List<RecordHeader> headers = new java.util.ArrayList<>(moreHeaders);
        headers.add(new RecordHeader(EventHeaders.EVENT_ID, UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8)));
        ProducerRecord<String, String> record = new ProducerRecord<>(Topics.SERVER_METRICS, partition, key, value,
                new java.util.ArrayList<>(headers));
        try {
            producer.send(record).get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException("could not send to " + Topics.SERVER_METRICS, e);
        }
    }

    /** The partition the default partitioner gives a key. */
    public int partitionOf(String key) {
        int partitions = producer.partitionsFor(Topics.SERVER_METRICS).size();
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    /** A new server id that does not share the partition of the far-future samples. */
    public String serverAwayFromTheFuture(String prefix) {
        String id;
        do {
            id = unique(prefix);
        } while (partitionOf(id) == FUTURE_PARTITION);
        return id;
    }

    @Override
    public void close() {
        producer.close();
    }
}
