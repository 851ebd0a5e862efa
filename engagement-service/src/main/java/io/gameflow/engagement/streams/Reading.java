package io.gameflow.engagement.streams;

/** A raw input value, and either what was read from it or the problem that stopped it. */
record Reading<T>(String raw, T value, String problem) {

    static <T> Reading<T> of(String raw, T value) {
        return new Reading<>(raw, value, null);
    }

    static <T> Reading<T> unusable(String raw, String problem) {
        return new Reading<>(raw, null, problem);
    }

    boolean isUsable() {
        return value != null;
    }
}
