package io.gameflow.metrics.api;

import java.time.Instant;
import java.util.List;

/** {@code GET /v1/servers}: the servers and the stream time they are current as of (null before any sample). */
public record ServersAnswer(Instant asOf, List<ServerView> servers) {
}
