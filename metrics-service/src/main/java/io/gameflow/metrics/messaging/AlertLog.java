package io.gameflow.metrics.messaging;

import io.gameflow.events.EventJson;
import io.gameflow.kafka.KafkaClientConfig;
import io.gameflow.metrics.domain.Alert;
import io.gameflow.metrics.streams.MetricsTopology;
import io.gameflow.streams.support.feed.TopicFeed;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.Config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Every instance reads all of {@code server-alerts} from the start ({@link TopicFeed}: no consumer group, every
 * partition, committed records only), so that each answers {@code /v1/alerts} for the whole fleet. It keeps every
 * alert firing now and the latest {@value #MAX_RESOLVED} resolved ones.
 */
@ApplicationScoped
public class AlertLog {

    static final int MAX_RESOLVED = 10_000;

    private final TopicFeed feed;
    private final Map<String, Alert> firing = new LinkedHashMap<>();
    private final LinkedHashMap<String, Alert> resolved = new LinkedHashMap<>();

    public AlertLog(Config config) {
        this.feed = new TopicFeed(KafkaClientConfig.from(config), MetricsTopology.ALERTS,
                value -> apply(EventJson.read(EventJson.readTree(value), Alert.class)))
                .withClientId("metrics-service-alert-log");
    }

    void onStart(@Observes StartupEvent event) {
        feed.start();
    }

    void onStop(@Observes ShutdownEvent event) {
        feed.stop();
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

    Properties consumerProperties() {
        return feed.consumerProperties();
    }
}
