package io.gameflow.events;

/** Kafka topic names of the GameFlow contract (docs/architecture.md, "Topics"; docs/contracts.md). */
public final class Topics {

    public static final String PLAYER_EVENTS = "player-events";
    public static final String PURCHASE_EVENTS = "purchase-events";
    public static final String SERVER_METRICS = "server-metrics";
    public static final String ENGAGEMENT_ALERTS = "engagement-alerts";
    public static final String FRAUD_ALERTS = "fraud-alerts";
    public static final String SERVER_ALERTS = "server-alerts";
    public static final String INGEST_REJECTED = "ingest-rejected";

    /** The three input topics, in contract order. */
    public static final java.util.List<String> INPUTS = java.util.List.of(PLAYER_EVENTS, PURCHASE_EVENTS, SERVER_METRICS);

    /** Every topic the services read or write, dead-letter topics of the inputs included. */
    public static final java.util.List<String> ALL = java.util.List.of(
            PLAYER_EVENTS, PURCHASE_EVENTS, SERVER_METRICS,
            ENGAGEMENT_ALERTS, FRAUD_ALERTS, SERVER_ALERTS, INGEST_REJECTED,
            dlq(PLAYER_EVENTS), dlq(PURCHASE_EVENTS), dlq(SERVER_METRICS));

    /**
     * How long {@code engagement-alerts} keeps its records: long enough to look into a week of alerts and for the
     * latest alerts answer, which reads the topic at start; the counts per level and map do not depend on it (they
     * live in engagement-service's state stores).
     */
    public static final java.time.Duration ENGAGEMENT_ALERTS_RETENTION = java.time.Duration.ofDays(7);

    private Topics() {
    }

    /** The settings a topic is created with beyond the broker's defaults, as deploy/ sets them too. */
    public static java.util.Map<String, String> configOf(String topic) {
        if (ENGAGEMENT_ALERTS.equals(topic)) {
            return java.util.Map.of("retention.ms", Long.toString(ENGAGEMENT_ALERTS_RETENTION.toMillis()));
        }
        if (INPUTS.contains(topic)) {
            // the broker stamps each record with its append time: the receipt time that bounds client clocks (docs/time.md)
            return java.util.Map.of("message.timestamp.type", "LogAppendTime");
        }
        return java.util.Map.of();
    }

    /** Dead-letter topic of an input topic. */
    public static String dlq(String topic) {
        return topic + "-dlq";
    }
}
