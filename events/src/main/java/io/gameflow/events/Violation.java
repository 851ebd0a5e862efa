package io.gameflow.events;

/** One problem of an event: where it is (a dotted JSON path such as {@code parameters.cpu_load}) and what to fix. */
public record Violation(String path, String message) {
}
