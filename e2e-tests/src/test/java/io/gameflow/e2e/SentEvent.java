package io.gameflow.e2e;

import java.time.Instant;

/**
 * One event as the chaos test's client made it: its id, the topic ingest routes it to, whom it is about (a player or
 * a game server), the (level, map) cell of a player event (null for a server sample) and its event time.
 */
record SentEvent(String eventId, String topic, String subject, String cell, Instant time) {

    static String cell(String levelId, String mapId) {
        return levelId + "|" + mapId;
    }
}
