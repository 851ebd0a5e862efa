package io.gameflow.events;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Parsing of {@code event_timestamp}: ISO-8601 with a zone offset, e.g. 2024-11-12T10:15:30Z.
 *
 * <p>Every event's timestamp is parsed on every service, and {@link OffsetDateTime#parse} was a tenth of a stream
 * thread's time. The shape clients send, {@code yyyy-MM-ddTHH:mm:ss[.fraction]Z}, is read by hand; anything else
 * (offsets, lower case, omitted seconds, mistakes) goes to the formatter, which also words every refusal, so both
 * paths accept and refuse exactly the same texts.
 */
public final class EventTimes {

    private static final int DATE_TIME_LENGTH = "2024-11-12T10:15:30".length();

    private EventTimes() {
    }

    /** @throws IllegalArgumentException when the text is not ISO-8601 with a zone */
    public static Instant parse(String text) {
        Instant fast = text == null ? null : parseUtc(text);
        return fast != null ? fast : parseAnyOffset(text);
    }

    private static Instant parseAnyOffset(String text) {
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException | NullPointerException e) {
            throw new IllegalArgumentException("not an ISO-8601 timestamp with zone: " + text, e);
        }
    }

    /** The common shape, or null for the formatter to decide (including every invalid text). */
    private static Instant parseUtc(String text) {
        int length = text.length();
        if (length < DATE_TIME_LENGTH + 1 || text.charAt(length - 1) != 'Z'
                || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        if ((year | month | day | hour | minute | second) < 0 || hour > 23 || minute > 59 || second > 59) {
            return null;
        }
        int nanos = 0;
        int fractionDigits = length - 1 - (DATE_TIME_LENGTH + 1);
        if (fractionDigits != -1) {
            if (fractionDigits < 1 || fractionDigits > 9 || text.charAt(DATE_TIME_LENGTH) != '.') {
                return null;
            }
            nanos = digits(text, DATE_TIME_LENGTH + 1, fractionDigits);
            if (nanos < 0) {
                return null;
            }
            for (int i = fractionDigits; i < 9; i++) {
                nanos *= 10;
            }
        }
        long epochDay;
        try {
            epochDay = LocalDate.of(year, month, day).toEpochDay();
        } catch (DateTimeException noSuchDay) {
            return null;
        }
        return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3_600L + minute * 60L + second, nanos);
    }

    /** The decimal value of {@code count} ASCII digits from {@code from}, or -1 if one is not a digit. */
    private static int digits(String text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
