package io.gameflow.streams.support.feed;

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
import java.util.Optional;
import java.util.Properties;
import java.util.function.Consumer;

/**
 * Reads one topic from the start, every partition, committed records only, without a consumer group, and hands each
 * value to a reader on a thread of its own: so that every instance of a service sees all of its own outputs (alerts,
 * findings), whichever instance wrote them (docs/architecture.md). A value the reader throws on is skipped and logged.
 */
public final class TopicFeed {

    private static final Logger LOG = Logger.getLogger(TopicFeed.class);

    private final KafkaClientConfig kafkaConfig;
    private final String topic;
    private final Consumer<String> reader;
    private final Optional<String> clientId;
    private volatile KafkaConsumer<String, String> consumer;

    public TopicFeed(KafkaClientConfig kafkaConfig, String topic, Consumer<String> reader) {
        this(kafkaConfig, topic, reader, Optional.empty());
    }

    private TopicFeed(KafkaClientConfig kafkaConfig, String topic, Consumer<String> reader, Optional<String> clientId) {
        this.kafkaConfig = kafkaConfig;
        this.topic = topic;
        this.reader = reader;
        this.clientId = clientId;
    }

    /** The same feed under a client id of its own, which the broker's logs and quotas then name. */
    public TopicFeed withClientId(String id) {
        return new TopicFeed(kafkaConfig, topic, reader, Optional.of(id));
    }

    public String topic() {
        return topic;
    }

    public void start() {
        Thread thread = new Thread(this::readForever, topic + "-feed");
        thread.setDaemon(true);
        thread.start();
    }

    public void stop() {
        KafkaConsumer<String, String> running = consumer;
        if (running != null) {
            running.wakeup();
        }
    }

    /** The service's brokers and security, and no group: every instance reads every partition itself. */
    public Properties consumerProperties() {
        Properties props = kafkaConfig.properties();
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        clientId.ifPresent(id -> props.put(ConsumerConfig.CLIENT_ID_CONFIG, id));
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
                    read(record);
                }
            }
        } catch (WakeupException stopping) {
            LOG.debugf("%s feed stopped", topic);
        } catch (RuntimeException e) {
            LOG.errorf(e, "the %s feed stopped; its answers no longer change", topic);
        }
    }

    void read(ConsumerRecord<String, String> record) {
        try {
            reader.accept(record.value());
        } catch (RuntimeException e) {
            LOG.warnf("skipped an unreadable record of %s at offset %d: %s", topic, record.offset(), e.getMessage());
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
