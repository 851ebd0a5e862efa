package io.gameflow.ingest.domain;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventBatchTest {

    @Test
    void readsAnObjectAnArrayAndNdjsonLines() {
        assertEquals(1, parse("{\"a\":1}", BodyFormat.JSON).size());
        assertEquals(2, parse("[{\"a\":1},{\"a\":2}]", BodyFormat.JSON).size());
        List<RawEvent> lines = parse("{\"a\":1}\r\n\n  \n{\"a\":2}", BodyFormat.NDJSON);
        assertEquals(2, lines.size());
        assertTrue(lines.stream().allMatch(RawEvent::isReadable));
    }

    @Test
    void aBrokenNdjsonLineIsOneUnreadableEntryNotAFailedBody() {
        List<RawEvent> lines = parse("{\"a\":1}\n{broken\n{\"a\":3}", BodyFormat.NDJSON);
        assertEquals(3, lines.size());
        assertFalse(lines.get(1).isReadable());
        assertEquals("{broken", lines.get(1).unreadableText());
    }

    @Test
    void aJsonBodyWithTrailingDataOrADuplicateFieldIsRefusedWhole() {
        assertThrows(MalformedBodyException.class, () -> parse("{\"a\":1} {\"a\":2}", BodyFormat.JSON));
        assertThrows(MalformedBodyException.class, () -> parse("{\"a\":1,\"a\":2}", BodyFormat.JSON));
    }

    @Test
    void countsAgainstTheMaximumInBothFormats() {
        assertThrows(TooManyEventsException.class, () -> EventBatch.parse(bytes("[{},{},{}]"), BodyFormat.JSON, 2));
        assertThrows(TooManyEventsException.class, () -> EventBatch.parse(bytes("{}\n{}\n{}"), BodyFormat.NDJSON, 2));
    }

    @Test
    void aBodyWithoutEventsIsMalformed() {
        for (String body : new String[] {"", "  ", "[]", "42", "null"}) {
            assertThrows(MalformedBodyException.class, () -> parse(body, BodyFormat.JSON), body);
        }
        assertThrows(MalformedBodyException.class, () -> parse("\n \n", BodyFormat.NDJSON));
    }

    private static List<RawEvent> parse(String body, BodyFormat format) {
        return EventBatch.parse(bytes(body), format, 1000);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
