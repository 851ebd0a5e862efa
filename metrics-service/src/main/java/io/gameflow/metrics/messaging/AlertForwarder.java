package io.gameflow.metrics.messaging;

import io.gameflow.events.EventJson;
import io.gameflow.kafka.KafkaClientConfig;
import io.gameflow.kafka.TraceHeaders;
import io.gameflow.metrics.config.MetricsConfig;
import io.gameflow.metrics.domain.Alert;
import io.gameflow.metrics.streams.MetricsTopology;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.Tracer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Forwards {@code server-alerts} to an Alertmanager when {@code gameflow.metrics.alertmanager.url} is set, on a
 * consumer of its own, so that a slow or absent Alertmanager never holds up the stream. The instances share one
 * consumer group: each alert is forwarded by one of them. A batch Alertmanager did not take is sent again after a
 * growing back-off, and its offsets are committed only once it was taken. Firing alerts are sent again every
 * {@code resend-every}, as Prometheus does, so Alertmanager keeps them active; to know them after a restart or a
 * rebalance, an instance reads its partitions from the start and forwards only what lies past the committed offset.
 */
@ApplicationScoped
public class AlertForwarder {

    private static final Logger LOG = Logger.getLogger(AlertForwarder.class);
    private static final Duration FIRST_RETRY = Duration.ofMillis(500);

    private final MetricsConfig.Alertmanager config;
    private final KafkaClientConfig kafkaConfig;
    private final Counter forwarded;
    private final Counter failures;
    private final Tracer tracer;
    private final Map<TopicPartition, Map<String, Alert>> firingByPartition = new HashMap<>();
    /**
     * The trace each firing alert was raised in, when it was traced: every post names it (the trace_id annotation),
     * resends included, since Alertmanager keeps the annotations of the latest post.
     */
    private final Map<TopicPartition, Map<String, String>> traceIdByPartition = new HashMap<>();
    private final Map<TopicPartition, Long> forwardFrom = new HashMap<>();
    private final List<ConsumerRecord<String, String>> pending = new ArrayList<>();
    private volatile KafkaConsumer<String, String> consumer;
    private AlertmanagerClient alertmanager;

    public AlertForwarder(MetricsConfig config, Config serviceConfig, MeterRegistry registry, OpenTelemetry openTelemetry) {
        this.tracer = openTelemetry.getTracer("io.gameflow.metrics");
        this.config = config.alertmanager();
        this.kafkaConfig = KafkaClientConfig.from(serviceConfig);
        this.forwarded = registry.counter("gameflow.metrics.alertmanager.forwarded");
        this.failures = registry.counter("gameflow.metrics.alertmanager.failures");
    }

    void onStart(@Observes StartupEvent event) {
        config.url().ifPresent(url -> {
            alertmanager = new AlertmanagerClient(url);
            Thread thread = new Thread(this::forwardForever, "alertmanager-forwarder");
            thread.setDaemon(true);
            thread.start();
            LOG.infof("forwarding server-alerts to %s", alertmanager.endpoint());
        });
    }

    void onStop(@Observes ShutdownEvent event) {
        KafkaConsumer<String, String> running = consumer;
        if (running != null) {
            running.wakeup();
        }
    }

    /** The service's brokers and security, in the forwarders' shared group. */
    static Properties consumerProperties(KafkaClientConfig kafkaConfig, String group) {
        Properties props = kafkaConfig.properties();
        props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return props;
    }

    private void forwardForever() {
        Duration retryWait = FIRST_RETRY;
        Instant nextTry = Instant.MIN;
        Instant nextResend = Instant.now().plus(config.resendEvery());
        try (KafkaConsumer<String, String> kafka = new KafkaConsumer<>(consumerProperties(kafkaConfig, config.group()), new StringDeserializer(), new StringDeserializer())) {
            consumer = kafka;
            kafka.subscribe(List.of(MetricsTopology.ALERTS), new RebuildOnAssignment(kafka));
            while (true) {
                for (ConsumerRecord<String, String> record : kafka.poll(Duration.ofMillis(500))) {
                    remember(record);
                }
                Instant now = Instant.now();
                if (!pending.isEmpty() && !now.isBefore(nextTry)) {
                    if (sendTraced(pending, now)) {
                        kafka.commitSync(offsetsPast(pending));
                        forwarded.increment(pending.size());
                        pending.clear();
                        retryWait = FIRST_RETRY;
                        kafka.resume(kafka.assignment());
                    } else {
                        nextTry = now.plus(retryWait);
                        retryWait = retryWait.multipliedBy(2).compareTo(config.maxBackoff()) < 0
                                ? retryWait.multipliedBy(2) : config.maxBackoff();
                        // no more records until these are taken, but stay in the group
                        kafka.pause(kafka.assignment());
                    }
                }
                if (!now.isBefore(nextResend)) {
                    send(firingNow(), now);
                    nextResend = now.plus(config.resendEvery());
                }
            }
        } catch (WakeupException stopping) {
            LOG.debug("alert forwarder stopped");
        } catch (RuntimeException e) {
            LOG.error("the alert forwarder stopped; alerts no longer reach Alertmanager", e);
        }
    }

    private void remember(ConsumerRecord<String, String> record) {
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        Alert alert = parse(record);
        if (alert != null) {
            Map<String, Alert> firing = firingByPartition.computeIfAbsent(partition, p -> new LinkedHashMap<>());
            Map<String, String> traceIds = traceIdByPartition.computeIfAbsent(partition, p -> new HashMap<>());
            if (alert.isFiring()) {
                firing.put(alert.alertId(), alert);
                SpanContext raisedIn = TraceHeaders.sampledIn(record.headers());
                if (raisedIn != null) {
                    traceIds.putIfAbsent(alert.alertId(), raisedIn.getTraceId());
                }
            } else {
                firing.remove(alert.alertId());
                traceIds.remove(alert.alertId());
            }
        }
        if (record.offset() >= forwardFrom.getOrDefault(partition, 0L)) {
            pending.add(record);
        }
    }

    /** New alert records, each traced one followed by a span of the post and named with its trace at Alertmanager. */
    private boolean sendTraced(List<ConsumerRecord<String, String>> records, Instant now) {
        AlertPostSpans spans = AlertPostSpans.start(tracer, records);
        Exception failure = post(alertsOf(records), now);
        spans.end(failure);
        return failure == null;
    }

    private boolean send(List<Alert> alerts, Instant now) {
        return post(alerts, now) == null;
    }

    /** @return why Alertmanager did not take them, or null when it did */
    private Exception post(List<Alert> alerts, Instant now) {
        if (alerts.isEmpty()) {
            return null;
        }
        Map<String, String> traceIds = new HashMap<>();
        traceIdByPartition.values().forEach(traceIds::putAll);
        try {
            alertmanager.post(alerts, traceIds, now, config.resendEvery().multipliedBy(4));
            return null;
        } catch (Exception e) {
            failures.increment();
            LOG.warnf("Alertmanager did not take %d alerts, sending them again later: %s", alerts.size(), e.getMessage());
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return e;
        }
    }

    private List<Alert> firingNow() {
        return firingByPartition.values().stream().flatMap(m -> m.values().stream()).toList();
    }

    private static List<Alert> alertsOf(List<ConsumerRecord<String, String>> records) {
        return records.stream().map(AlertForwarder::parse).filter(a -> a != null).toList();
    }

    private static Map<TopicPartition, OffsetAndMetadata> offsetsPast(List<ConsumerRecord<String, String>> records) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (ConsumerRecord<String, String> record : records) {
            offsets.merge(new TopicPartition(record.topic(), record.partition()), new OffsetAndMetadata(record.offset() + 1),
                    (a, b) -> a.offset() >= b.offset() ? a : b);
        }
        return offsets;
    }

    private static Alert parse(ConsumerRecord<String, String> record) {
        try {
            return EventJson.mapper().readValue(record.value(), Alert.class);
        } catch (Exception e) {
            LOG.warnf("skipped an unreadable record of %s at offset %d", record.topic(), record.offset());
            return null;
        }
    }

    /** On assignment: read the partitions from the start to know what fires, forward only past the committed offset. */
    private final class RebuildOnAssignment implements ConsumerRebalanceListener {

        private final KafkaConsumer<String, String> kafka;

        RebuildOnAssignment(KafkaConsumer<String, String> kafka) {
            this.kafka = kafka;
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            partitions.forEach(p -> {
                firingByPartition.remove(p);
                traceIdByPartition.remove(p);
                forwardFrom.remove(p);
            });
            pending.removeIf(r -> partitions.contains(new TopicPartition(r.topic(), r.partition())));
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            Map<TopicPartition, OffsetAndMetadata> committed = kafka.committed(new java.util.HashSet<>(partitions));
            partitions.forEach(p -> {
                OffsetAndMetadata offset = committed.get(p);
                forwardFrom.put(p, offset == null ? 0L : offset.offset());
            });
            kafka.seekToBeginning(partitions);
        }
    }
}
