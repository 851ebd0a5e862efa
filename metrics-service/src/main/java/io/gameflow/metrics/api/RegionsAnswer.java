package io.gameflow.metrics.api;

import java.time.Instant;
import java.util.List;

/** {@code GET /v1/regions}: every region with its servers' health, as of the stream time. */
public record RegionsAnswer(Instant asOf, List<RegionView> regions) {
}
