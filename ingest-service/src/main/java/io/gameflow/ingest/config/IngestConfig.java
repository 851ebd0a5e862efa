package io.gameflow.ingest.config;

import io.smallrye.config.ConfigMapping;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@ConfigMapping(prefix = "gameflow.ingest")
public interface IngestConfig {

    /** Oldest accepted event_timestamp, measured back from the time of receipt. */
    Duration maxEventAge();

    /** Furthest accepted event_timestamp into the future. */
    Duration maxEventAhead();

    /** An event dated further ahead of its receipt is accepted, counted as clock-skewed, and counted by the analytics at its receipt time. */
    Duration maxClockSkew();

    /** More events than this in one request are refused with 413. */
    int maxEventsPerRequest();

    /** A body larger than this, before or after gzip inflation, is refused with 413. */
    int maxBodyBytes();

    /** A single event larger than this (as JSON) is rejected, so that every accepted record fits Kafka's limits. */
    int maxEventBytes();

    /** How long a request waits for Kafka to acknowledge its records before answering 503. */
    Duration kafkaTimeout();

    /** The Retry-After of a 503. */
    int retryAfterSeconds();

    /** Topic per event_name; an event_name missing here goes to its default topic. */
    Map<String, String> routes();

    Auth auth();

    RateLimit rateLimit();

    Pull pull();

    interface Auth {

        /** Off only for a deliberately open endpoint: then every request is served as "anonymous". */
        boolean enabled();

        /** Entries {@code name:key}; the name shows in logs, metrics and ingest-rejected, the key never does. */
        Optional<List<String>> keys();
    }

    interface RateLimit {

        /** Sustained events per second per API key. */
        double eventsPerSecond();

        /** Events a key may send at once after a quiet spell; defaults to one second's worth. */
        Optional<Integer> burst();
    }

    interface Pull {

        /** Web APIs to poll for events (a JSON array, one object, or NDJSON); none by default. */
        Optional<List<String>> urls();

        /** Time between two polls of one URL. */
        Duration interval();

        /** How long one poll may take before it counts as failed. */
        Duration timeout();
    }
}
