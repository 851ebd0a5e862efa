package io.gameflow.events;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TopicRecordReaderTest {

    private final TopicRecordReader<PlayerEvent> reader = new TopicRecordReader<>(EventKind.PLAYER_ACTION, PlayerEvent.class);

    @Test
    void readsAValidEventOfItsKindEvenWhenItIsOld() {
        // the reference example (docs/contracts.md) is from 2024: far beyond ingest's age bound, still readable on replay
        TopicRecordReader.Reading<PlayerEvent> reading = reader.read(SeedExamples.playerEvent());
        assertTrue(reading.isEvent());
        assertNull(reading.problem());
        assertEquals("level_02", reading.event().parameters().levelId());
    }

    @Test
    void saysWhyARecordIsNotAnEventOfItsKind() {
        assertProblem(null, "no value");
        assertProblem("{not json", "not JSON");
        assertProblem("{\"event_name\": \"player_action\"}", "invalid: ");
        assertProblem(SeedExamples.purchaseEvent(), "event_name is not player_action");
    }

    private void assertProblem(String value, String expectedStart) {
        TopicRecordReader.Reading<PlayerEvent> reading = reader.read(value);
        assertFalse(reading.isEvent());
        assertNull(reading.event());
        assertTrue(reading.problem().startsWith(expectedStart), reading.problem());
    }
}
