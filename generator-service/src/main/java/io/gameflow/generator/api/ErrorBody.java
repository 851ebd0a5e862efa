package io.gameflow.generator.api;

import java.util.List;

/** The error body of DESIGN.md: a stable code, what to fix, and optional details. */
public record ErrorBody(String error, String message, List<Object> details) {
}
