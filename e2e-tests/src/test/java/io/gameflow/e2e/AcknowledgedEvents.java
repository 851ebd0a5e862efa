package io.gameflow.e2e;

import io.gameflow.events.Topics;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What ingest acknowledged (the event ids of its 200 answers) and what the analytics must therefore show: events per
 * player and per (level, map) cell, and each server's latest sample time. Thread-safe: the load threads add to it.
 */
final class AcknowledgedEvents {

    private final Map<String, Set<String>> idsByTopic = new HashMap<>();
    private final Map<String, Long> eventsByPlayer = new TreeMap<>();
    private final Map<String, Long> eventsByCell = new TreeMap<>();
    private final Map<String, Instant> latestByServer = new TreeMap<>();
    private final List<String> problems = new ArrayList<>();
    private long count;

    /**
     * Records a batch that ingest answered 200 with {@code ackedIds}; the answer must name every event of the batch,
     * which the test made valid: one it did not name would be an event the test thinks it delivered but did not.
     */
    synchronized void acknowledged(EventBatch batch, List<String> ackedIds) {
        Set<String> acked = new HashSet<>(ackedIds);
        for (SentEvent event : batch.events()) {
            if (!acked.remove(event.eventId())) {
                problems.add("event " + event.eventId() + " of an acknowledged batch is not in its event_ids");
                continue;
            }
            count++;
            idsByTopic.computeIfAbsent(event.topic(), topic -> new HashSet<>()).add(event.eventId());
            if (event.topic().equals(Topics.PLAYER_EVENTS)) {
                eventsByPlayer.merge(event.subject(), 1L, Long::sum);
                eventsByCell.merge(event.cell(), 1L, Long::sum);
            } else {
                latestByServer.merge(event.subject(), event.time(), (a, b) -> a.isAfter(b) ? a : b);
            }
        }
        if (!acked.isEmpty()) {
            problems.add("ingest acknowledged ids the batch did not hold: " + acked);
        }
    }

    synchronized long count() {
        return count;
    }

    synchronized long count(String topic) {
        return idsByTopic.getOrDefault(topic, Set.of()).size();
    }

    synchronized Set<String> ids(String topic) {
        return Set.copyOf(idsByTopic.getOrDefault(topic, Set.of()));
    }

    synchronized Map<String, Long> eventsByPlayer() {
        return Map.copyOf(eventsByPlayer);
    }

    synchronized Map<String, Long> eventsByCell() {
        return Map.copyOf(eventsByCell);
    }

    synchronized Map<String, Instant> latestByServer() {
        return Map.copyOf(latestByServer);
    }

    synchronized Instant latestServerSample() {
        return latestByServer.values().stream().max(Instant::compareTo).orElse(Instant.EPOCH);
    }

    synchronized List<String> problems() {
        return List.copyOf(problems);
    }
}
