package io.gameflow.engagement.messaging;

import io.gameflow.kafka.KafkaClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.function.Consumer;

/**
 * Reads one topic from the start, every partition, committed records only, without a consumer group, and hands
 * each value to a reader: so that every instance of the service sees all of its own outputs (alerts, findings),
 * whichever instance wrote them.
 */
final class TopicFeed {

    private static final Logger LOG = Logger.getLogger(TopicFeed.class);

    private final KafkaClientConfig kafkaConfig;
    private final String topic;
    private final Consumer<String> reader;
    private volatile KafkaConsumer<String, String> consumer;

    TopicFeed(KafkaClientConfig kafkaConfig, String topic, Consumer<String> reader) {
        this.kafkaConfig = kafkaConfig;
        this.topic = topic;
        this.reader = reader;
    }

    void start() {
        Thread thread = new Thread(this::readForever, topic + "-feed");
        thread.setDaemon(true);
        thread.start();
    }

    void stop() {
        KafkaConsumer<String, String> running = consumer;
        if (running != null) {
            running.wakeup();
        }
    }

    /** The service's brokers and security, and no group: every instance reads every partition itself. */
    Properties consumerProperties() {
        Properties props = kafkaConfig.properties();
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        return props;
    }

    private void readForever() {
        try (KafkaConsumer<String, String> kafka = new KafkaConsumer<>(consumerProperties(), new StringDeserializer(), new StringDeserializer())) {
            consumer = kafka;
            List<TopicPartition> partitions = awaitPartitions(kafka);
            kafka.assign(partitions);
            kafka.seekToBeginning(partitions);
            while (true) {
                for (ConsumerRecord<String, String> record : kafka.poll(Duration.ofSeconds(1))) {
                    try {
                        reader.accept(record.value());
                    } catch (RuntimeException e) {
                        LOG.warnf("skipped an unreadable record of %s at offset %d: %s", topic, record.offset(), e.getMessage());
                    }
                }
            }
        } catch (WakeupException stopping) {
            LOG.debugf("%s feed stopped", topic);
        } catch (RuntimeException e) {
            LOG.errorf(e, "the %s feed stopped; its answers no longer change", topic);
        }
    }

    private List<TopicPartition> awaitPartitions(KafkaConsumer<String, String> kafka) {
        while (true) {
            List<PartitionInfo> infos;
            try {
                infos = kafka.partitionsFor(topic, Duration.ofSeconds(10));
            } catch (TimeoutException notYet) {
                infos = List.of();
            }
            if (!infos.isEmpty()) {
                return infos.stream().map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            }
            LOG.infof("waiting for topic %s", topic);
        }
    }
}
