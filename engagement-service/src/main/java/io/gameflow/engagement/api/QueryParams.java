package io.gameflow.engagement.api;

import jakarta.ws.rs.BadRequestException;

import java.util.Set;

/** Checks of query parameters, each failing with a 400 that says what to send. */
final class QueryParams {

    static final int MAX_LIMIT = 1000;

    private QueryParams() {
    }

    static int limit(String text) {
        if (text == null || text.isBlank()) {
            return 100;
        }
        try {
            int limit = Integer.parseInt(text.trim());
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException notANumber) {
            // answered below
        }
        throw new BadRequestException("limit must be a whole number from 1 to " + MAX_LIMIT + "; got '" + text + "'");
    }

    /** The value when it is one of the allowed ones, null when absent or blank. */
    static String oneOf(String name, String value, Set<String> allowed) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!allowed.contains(value)) {
            throw new BadRequestException(name + " must be one of " + String.join(", ", allowed.stream().sorted().toList())
                    + "; got '" + value + "'");
        }
        return value;
    }

    static boolean matches(String filter, String value) {
        return filter == null || filter.isBlank() || filter.equals(value);
    }
}
