package io.gameflow.engagement.streams;

import io.gameflow.engagement.domain.PlayerAction;
import io.gameflow.events.EventKind;
import io.gameflow.events.PlayerEvent;
import io.gameflow.events.TopicRecordReader;

import java.time.Duration;
import java.time.Instant;

/**
 * Reads a raw {@code player-events} record: an action, or why it is unusable (not JSON, not a valid player event,
 * keyed by something else than its player_id, or dated further ahead of the clock than allowed).
 */
final class PlayerEventParser {

    private static final TopicRecordReader<PlayerEvent> READER = new TopicRecordReader<>(EventKind.PLAYER_ACTION, PlayerEvent.class);

    private PlayerEventParser() {
    }

    static Reading<PlayerAction> read(String key, String value, Duration maxFuture) {
        TopicRecordReader.Reading<PlayerEvent> reading = READER.read(value);
        if (!reading.isEvent()) {
            return Reading.unusable(value, reading.problem());
        }
        PlayerAction action = PlayerAction.of(reading.event());
        if (!action.playerId().equals(key)) {
            return Reading.unusable(value, "record key '" + key + "' is not parameters.player_id '" + action.playerId() + "'");
        }
        if (Instant.ofEpochMilli(action.eventTimeMs()).isAfter(Instant.now().plus(maxFuture))) {
            return Reading.unusable(value, "event_timestamp " + reading.event().eventTimestamp() + " is more than "
                    + maxFuture + " ahead of the clock; the sender's clock is wrong");
        }
        return Reading.of(value, action);
    }
}
