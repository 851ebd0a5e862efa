package io.gameflow.engagement.messaging;

import io.gameflow.streams.support.feed.TopicFeed;
import io.gameflow.engagement.domain.EngagementAlert;
import io.gameflow.engagement.domain.FraudFinding;
import io.gameflow.events.EventJson;
import io.gameflow.events.Topics;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import io.gameflow.kafka.KafkaClientConfig;
import org.eclipse.microprofile.config.Config;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Predicate;

/**
 * What engagement-service found, as its output topics hold it, for any instance to answer: the latest
 * {@value #KEPT} engagement alerts and fraud findings. The counts per level and map are not taken from here (the
 * topics have a retention, and reading one whole at every start grows with it) but from the topology's
 * {@code cell-alerts} store.
 */
@ApplicationScoped
public class FindingsLog {

    static final int KEPT = 1_000;

    private final TopicFeed alertsFeed;
    private final TopicFeed fraudFeed;
    private final Deque<EngagementAlert> alerts = new ArrayDeque<>();
    private final Deque<FraudFinding> findings = new ArrayDeque<>();

    public FindingsLog(Config config) {
        KafkaClientConfig kafka = KafkaClientConfig.from(config);
        alertsFeed = new TopicFeed(kafka, Topics.ENGAGEMENT_ALERTS,
                value -> add(EventJson.mapper().convertValue(EventJson.readTree(value), EngagementAlert.class)));
        fraudFeed = new TopicFeed(kafka, Topics.FRAUD_ALERTS,
                value -> add(EventJson.mapper().convertValue(EventJson.readTree(value), FraudFinding.class)));
    }

    List<TopicFeed> feeds() {
        return List.of(alertsFeed, fraudFeed);
    }

    void onStart(@Observes StartupEvent event) {
        alertsFeed.start();
        fraudFeed.start();
    }

    void onStop(@Observes ShutdownEvent event) {
        alertsFeed.stop();
        fraudFeed.stop();
    }

    synchronized void add(EngagementAlert alert) {
        keep(alerts, alert);
    }

    synchronized void add(FraudFinding finding) {
        keep(findings, finding);
    }

    /** The latest alerts first, those matching. */
    public synchronized List<EngagementAlert> alerts(Predicate<EngagementAlert> matching, int limit) {
        return alerts.stream().filter(matching).limit(limit).toList();
    }

    public synchronized List<FraudFinding> findings(Predicate<FraudFinding> matching, int limit) {
        return findings.stream().filter(matching).limit(limit).toList();
    }

    private static <T> void keep(Deque<T> latestFirst, T item) {
        latestFirst.addFirst(item);
        if (latestFirst.size() > KEPT) {
            latestFirst.removeLast();
        }
    }
}
