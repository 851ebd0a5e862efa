package io.gameflow.engagement.domain;

import io.gameflow.events.EventKind;
import io.gameflow.events.PlayerEvent;
import io.gameflow.events.TopicRecordReader;

import java.util.Optional;

/** Turns a raw {@code player-events} value into a visit, or nothing when it is not a valid player event. */
public final class PlayerEventReader {

    private final TopicRecordReader<PlayerEvent> reader = new TopicRecordReader<>(EventKind.PLAYER_ACTION, PlayerEvent.class);

    public Optional<LevelMapVisit> read(String value) {
        return Optional.ofNullable(reader.read(value).event()).map(LevelMapVisit::of);
    }
}
