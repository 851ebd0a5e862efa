package io.gameflow.generator.messaging;

import io.gameflow.events.EventKind;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class IngestKeysTest {

    @Test
    void clientEventsGoWithTheClientKeyServerMetricsWithTheServerKey() {
        IngestKeys keys = new IngestKeys(Optional.of("old"), Optional.of("client"), Optional.of("server"));
        assertEquals(Optional.of("client"), keys.keyFor(EventKind.PLAYER_ACTION));
        assertEquals(Optional.of("client"), keys.keyFor(EventKind.TRANSACTION));
        assertEquals(Optional.of("server"), keys.keyFor(EventKind.SERVER_METRIC));
    }

    @Test
    void theSingleKeyOfBeforeStandsInForAMissingOrBlankOne() {
        IngestKeys keys = new IngestKeys(Optional.of("old"), Optional.empty(), Optional.of(" "));
        assertEquals(Optional.of("old"), keys.keyFor(EventKind.PLAYER_ACTION));
        assertEquals(Optional.of("old"), keys.keyFor(EventKind.SERVER_METRIC));
    }

    @Test
    void noKeyAtAllSendsNone() {
        assertEquals(Optional.empty(), new IngestKeys(Optional.empty(), Optional.empty(), Optional.empty())
                .keyFor(EventKind.TRANSACTION));
    }
}
