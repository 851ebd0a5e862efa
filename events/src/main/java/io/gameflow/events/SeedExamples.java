package io.gameflow.events;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The three reference events of docs/contracts.md, exactly as published; their 2024 timestamps need {@link ValidationLimits#UNBOUNDED}. */
public final class SeedExamples {

    private SeedExamples() {
    }

    public static String playerEvent() {
        return load("player-event.json");
    }

    public static String purchaseEvent() {
        return load("purchase-event.json");
    }

    public static String serverMetricEvent() {
        return load("server-metric-event.json");
    }

    private static String load(String name) {
        try (InputStream in = SeedExamples.class.getResourceAsStream("seed/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource seed/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
