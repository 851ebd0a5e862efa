package io.gameflow.generator.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofMillis(200), Duration.ofSeconds(1));

    @Test
    void doublesUpToTheMaximumAndStartsOverAfterASuccess() {
        assertEquals(Duration.ofMillis(200), backoff.after(null));
        assertEquals(Duration.ofMillis(400), backoff.after(null));
        assertEquals(Duration.ofMillis(800), backoff.after(null));
        assertEquals(Duration.ofSeconds(1), backoff.after(null));
        assertEquals(Duration.ofSeconds(1), backoff.after(null));
        backoff.reset();
        assertEquals(Duration.ofMillis(200), backoff.after(null));
    }

    @Test
    void honoursRetryAfterWithinTheMaximum() {
        assertEquals(Duration.ofMillis(700), backoff.after(Duration.ofMillis(700)));
        assertEquals(Duration.ofSeconds(1), backoff.after(Duration.ofSeconds(30)));
        assertEquals(Duration.ofMillis(800), backoff.after(Duration.ZERO), "no wish: the doubled wait");
    }

    @Test
    void refusesAMaximumBelowTheFirstWait() {
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1)));
    }
}
