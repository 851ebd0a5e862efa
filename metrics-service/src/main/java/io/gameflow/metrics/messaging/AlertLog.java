package io.gameflow.metrics.messaging;

import io.gameflow.events.EventJson;
import io.gameflow.kafka.KafkaClientConfig;
import io.gameflow.metrics.domain.Alert;
import io.gameflow.metrics.streams.MetricsTopology;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Every instance reads all of {@code server-alerts} from the start (no consumer group: it assigns itself every
 * partition, committed records only), so that each answers {@code /v1/alerts} for the whole fleet. It keeps every
 * alert firing now and the latest {@value #MAX_RESOLVED} resolved ones.
 */
@ApplicationScoped
public class AlertLog {

    private static final Logger LOG = Logger.getLogger(AlertLog.class);
    static final int MAX_RESOLVED = 10_000;

    private final KafkaClientConfig kafkaConfig;
    private final Map<String, Alert> firing = new LinkedHashMap<>();
    private final LinkedHashMap<String, Alert> resolved = new LinkedHashMap<>();
    private volatile KafkaConsumer<String, String> consumer;
    private Thread reader;

    public AlertLog(Config config) {
        this.kafkaConfig = KafkaClientConfig.from(config);
    }

    void onStart(@Observes StartupEvent event) {
        reader = new Thread(this::readForever, "alert-log-reader");
        reader.setDaemon(true);
        reader.start();
    }

    void onStop(@Observes ShutdownEvent event) {
        KafkaConsumer<String, String> running = consumer;
        if (running != null) {
            running.wakeup();
        }
    }

    /** The alerts in {@code state} (firing, resolved, or both when null) that changed at or after {@code since}. */
    public synchronized List<Alert> alerts(String state, String since) {
        List<Alert> alerts = new ArrayList<>();
        if (state == null || Alert.FIRING.equals(state)) {
            alerts.addAll(firing.values());
        }
        if (state == null || Alert.RESOLVED.equals(state)) {
            alerts.addAll(resolved.values());
        }
        return alerts.stream()
                .filter(alert -> since == null || changedAt(alert).compareTo(since) >= 0)
                .sorted(Comparator.comparing(AlertLog::changedAt).reversed())
                .toList();
    }

    public synchronized List<Alert> firing() {
        return List.copyOf(firing.values());
    }

    synchronized void apply(Alert alert) {
        if (alert.isFiring()) {
            firing.put(alert.alertId(), alert);
            return;
        }
        firing.remove(alert.alertId());
        resolved.put(alert.alertId(), alert);
        if (resolved.size() > MAX_RESOLVED) {
            resolved.remove(resolved.keySet().iterator().next());
        }
    }

    /** ISO-8601 UTC text compares in time order. */
    private static String changedAt(Alert alert) {
        return alert.isFiring() ? alert.startedAt() : alert.resolvedAt();
    }

    /** The service's brokers and security, and no group: every instance reads every partition itself. */
    Properties consumerProperties() {
        Properties props = kafkaConfig.properties();
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "metrics-service-alert-log");
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
            LOG.debug("alert log stopped");
        } catch (RuntimeException e) {
            LOG.error("the alert log stopped reading server-alerts; /v1/alerts no longer changes", e);
        }
    }

    private List<TopicPartition> awaitPartitions(KafkaConsumer<String, String> kafka) {
        while (true) {
            List<PartitionInfo> infos;
            try {
                infos = kafka.partitionsFor(MetricsTopology.ALERTS, Duration.ofSeconds(10));
            } catch (org.apache.kafka.common.errors.TimeoutException notYet) {
                infos = List.of();
            }
            if (!infos.isEmpty()) {
                return infos.stream().map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            }
            LOG.infof("waiting for topic %s", MetricsTopology.ALERTS);
        }
    }

    private void read(ConsumerRecord<String, String> record) {
        try {
            apply(EventJson.mapper().readValue(record.value(), Alert.class));
        } catch (Exception e) {
            LOG.warnf("skipped an unreadable record of %s at offset %d: %s", MetricsTopology.ALERTS, record.offset(), e.getMessage());
        }
    }
}
