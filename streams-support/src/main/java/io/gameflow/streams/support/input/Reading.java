package io.gameflow.streams.support.input;

/** A raw input value, and either what was read from it or the problem that stopped it. */
public record Reading<T>(String raw, T value, String problem) {

    public static <T> Reading<T> of(String raw, T value) {
        return new Reading<>(raw, value, null);
    }

    public static <T> Reading<T> unusable(String raw, String problem) {
        return new Reading<>(raw, null, problem);
    }

    public boolean isUsable() {
        return value != null;
    }
}
