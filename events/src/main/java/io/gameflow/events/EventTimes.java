package io.gameflow.events;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Parsing of {@code event_timestamp}: ISO-8601 with a zone offset, e.g. 2024-11-12T10:15:30Z. */
public final class EventTimes {

    private EventTimes() {
    }

    /** @throws IllegalArgumentException when the text is not ISO-8601 with a zone */
    public static Instant parse(String text) {
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException | NullPointerException e) {
            throw new IllegalArgumentException("not an ISO-8601 timestamp with zone: " + text, e);
        }
    }
}
