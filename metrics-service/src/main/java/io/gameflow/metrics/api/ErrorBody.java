package io.gameflow.metrics.api;

import java.util.List;

/** The error body of DESIGN.md: a stable code, what to do, and optional details. */
public record ErrorBody(String error, String message, List<Object> details) {

    public ErrorBody(String error, String message) {
        this(error, message, List.of());
    }
}
