package io.gameflow.events;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The hand-read common shape must accept and refuse exactly what ISO_OFFSET_DATE_TIME does. */
class EventTimesTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "2024-11-12T10:15:30Z", "2024-11-12T10:15:30.1Z", "2024-11-12T10:15:30.123456789Z",
            "2024-02-29T23:59:59.999Z", "0000-01-01T00:00:00Z", "9999-12-31T23:59:59Z",
            "2024-11-12T10:15:30+02:00", "2024-11-12T10:15:30.5-01:30", "2024-11-12t10:15:30z", "2024-11-12T10:15Z",
            // refused
            "2023-02-29T10:15:30Z", "2024-04-31T10:15:30Z", "2024-13-01T10:15:30Z", "2024-00-01T10:15:30Z",
            "2024-11-00T10:15:30Z", "2024-11-12T24:00:00Z", "2024-11-12T23:60:00Z", "2024-11-12T23:59:60Z",
            "2024-11-12T10:15:30.Z", "2024-11-12T10:15:30.1234567890Z", "2024-11-12T10:15:30", "2024-11-12 10:15:30Z",
            "2024-11-12T10:15:3xZ", "+2024-11-12T10:15:30Z", "2024-1-12T10:15:30Z", "2024-11-12T10:15:30,5Z",
            "２０２４-11-12T10:15:30Z", "", "Z", "2024-11-12T10:15:30ZZ", "2024-11-12T10:15:30.12a4Z"})
    void agreesWithTheFormatter(String text) {
        assertSameAsFormatter(text);
    }

    @Test
    void agreesWithTheFormatterOnRandomTextsNearTheCommonShape() {
        Random random = new Random(42);
        String alphabet = "0123456789-:.TZ+z ";
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder(String.format("%04d-%02d-%02dT%02d:%02d:%02d",
                    random.nextInt(10_000), random.nextInt(14), random.nextInt(33), random.nextInt(25),
                    random.nextInt(61), random.nextInt(61)));
            if (random.nextBoolean()) {
                text.append('.').append(String.valueOf(Math.abs(random.nextLong())), 0, random.nextInt(11));
            }
            text.append('Z');
            if (random.nextInt(4) == 0) {
                text.setCharAt(random.nextInt(text.length()), alphabet.charAt(random.nextInt(alphabet.length())));
            }
            assertSameAsFormatter(text.toString());
        }
    }

    @Test
    void refusesNullWithTheSameWords() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> EventTimes.parse(null));
        assertEquals("not an ISO-8601 timestamp with zone: null", refused.getMessage());
    }

    private static void assertSameAsFormatter(String text) {
        Instant expected;
        try {
            expected = OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (RuntimeException refused) {
            IllegalArgumentException refusal = assertThrows(IllegalArgumentException.class, () -> EventTimes.parse(text), text);
            assertEquals("not an ISO-8601 timestamp with zone: " + text, refusal.getMessage());
            return;
        }
        assertEquals(expected, EventTimes.parse(text), text);
    }
}
