package io.gameflow.ingest.config;

import io.smallrye.config.ConfigMapping;

import java.time.Duration;

@ConfigMapping(prefix = "gameflow.ingest")
public interface IngestConfig {

    /** Oldest accepted event_timestamp, measured back from the time of receipt. */
    Duration maxEventAge();

    /** Furthest accepted event_timestamp into the future. */
    Duration maxEventAhead();

    /** More events than this in one request are refused with 413. */
    int maxEventsPerRequest();

    /** How long a request waits for Kafka to acknowledge its records before answering 503. */
    Duration kafkaTimeout();

    /** The Retry-After of a 503. */
    int retryAfterSeconds();
}
