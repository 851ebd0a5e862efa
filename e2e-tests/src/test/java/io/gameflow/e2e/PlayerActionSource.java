package io.gameflow.e2e;

import io.gameflow.events.Topics;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * player_action events of a fixed set of players, in turn, each player through levels and maps in one session that
 * never splits (the test runs engagement with a 30 min session gap). Each event gets its own UUID as event_id and the
 * time it was made as event_timestamp; as a load thread sends a batch only once the previous one is acknowledged, a
 * player's events reach ingest in event-time order, never behind the engagement grace period.
 */
final class PlayerActionSource implements BatchSource {

    private static final List<String> PLATFORMS = List.of("PC", "Console", "Mobile");
    static final int LEVELS = 5;
    static final int MAPS = 3;

    private final String apiKey;
    private final List<String> players;
    private final int batchSize;
    private final Map<String, Integer> eventsOf = new HashMap<>();
    private int turn;

    PlayerActionSource(String apiKey, List<String> players, int batchSize) {
        this.apiKey = apiKey;
        this.players = List.copyOf(players);
        this.batchSize = batchSize;
    }

    @Override
    public EventBatch next() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        List<SentEvent> events = new ArrayList<>(batchSize);
        StringBuilder body = new StringBuilder("[");
        for (int i = 0; i < batchSize; i++) {
            String player = players.get(turn++ % players.size());
            int n = eventsOf.merge(player, 1, Integer::sum);
            // ten events per map, three maps per level: a player moves on through the levels as the test runs
            String level = "level_" + (1 + (n / (10 * MAPS)) % LEVELS);
            String map = "map_" + (1 + (n / 10) % MAPS);
            String type = n % (10 * MAPS) == 10 * MAPS - 1 ? "level_complete" : n % 10 == 9 ? "fail" : "move";
            String id = UUID.randomUUID().toString();
            if (i > 0) {
                body.append(',');
            }
            body.append("{\"event_id\":\"").append(id)
                    .append("\",\"event_name\":\"player_action\",\"parameters\":{\"player_id\":\"").append(player)
                    .append("\",\"session_id\":\"s-").append(player)
                    .append("\",\"event_type\":\"").append(type)
                    .append("\",\"level_id\":\"").append(level)
                    .append("\",\"map_id\":\"").append(map)
                    .append("\"},\"event_timestamp\":\"").append(now)
                    .append("\",\"user_data\":{\"user_id\":\"").append(player)
                    .append("\",\"platform\":\"").append(PLATFORMS.get(Math.floorMod(player.hashCode(), PLATFORMS.size())))
                    .append("\"}}");
            events.add(new SentEvent(id, Topics.PLAYER_EVENTS, player, SentEvent.cell(level, map), now));
        }
        return new EventBatch(apiKey, body.append(']').toString(), events);
    }
}
