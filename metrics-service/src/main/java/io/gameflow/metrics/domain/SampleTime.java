package io.gameflow.metrics.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.gameflow.events.EventTimes;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.Instant;

/**
 * A sample's event time: the ISO-8601 text that is stored and sent (JSON reads and writes just the text), and that text
 * parsed, once, when the value is made. Every sample's time is asked for several times on its way through the
 * topology, and parsing the text at each ask was a sixth of the service's time.
 */
@RegisterForReflection
public final class SampleTime {

    private final String text;
    private final Instant instant;

    private SampleTime(String text, Instant instant) {
        this.text = text;
        this.instant = instant;
    }

    /** @throws IllegalArgumentException when the text is not ISO-8601 with a zone */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static SampleTime parse(String text) {
        return new SampleTime(text, EventTimes.parse(text));
    }

    /** {@code instant} as the text it has always been stored as; that text parses back to this very instant. */
    public static SampleTime of(Instant instant) {
        return new SampleTime(instant.toString(), instant);
    }

    @JsonValue
    public String text() {
        return text;
    }

    public Instant instant() {
        return instant;
    }

    /** The instant follows from the text, so the text alone says whether two are the same. */
    @Override
    public boolean equals(Object other) {
        return other instanceof SampleTime time && text.equals(time.text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }
}
