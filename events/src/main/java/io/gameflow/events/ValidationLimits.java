package io.gameflow.events;

import java.time.Duration;

/** How far an {@code event_timestamp} may lie before or after the moment of validation. */
public record ValidationLimits(Duration maxAge, Duration maxAhead) {

    public static final ValidationLimits DEFAULT = new ValidationLimits(Duration.ofDays(30), Duration.ofDays(2));

    /** Bounds wide enough for replays of old data, such as the 2024 reference examples of docs/contracts.md. */
    public static final ValidationLimits UNBOUNDED = new ValidationLimits(Duration.ofDays(365_000), Duration.ofDays(365_000));
}
