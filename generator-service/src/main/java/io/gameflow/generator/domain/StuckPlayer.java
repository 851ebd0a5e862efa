package io.gameflow.generator.domain;

import java.time.Instant;

/** A player the world made stuck, as ground truth: where, in which session, and since when. */
public record StuckPlayer(String playerId, String sessionId, String levelId, String mapId, Instant since) {
}
