package io.gameflow.metrics.api;

import io.gameflow.metrics.domain.Alert;

import java.time.Instant;
import java.util.List;

/** {@code GET /v1/alerts}: alerts, latest change first, as of the stream time. */
public record AlertsAnswer(Instant asOf, List<Alert> alerts) {
}
