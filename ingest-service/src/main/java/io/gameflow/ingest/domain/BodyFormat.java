package io.gameflow.ingest.domain;

import java.util.Locale;
import java.util.Optional;

/** How the events of a body are laid out, told by its Content-Type. */
public enum BodyFormat {
    /** One event object or a JSON array of them. */
    JSON,
    /** One event object per line (newline-delimited JSON). */
    NDJSON;

    public static final String NDJSON_TYPE = "application/x-ndjson";
    public static final String ACCEPTED_TYPES = "application/json or " + NDJSON_TYPE;

    /** The format of a Content-Type such as {@code application/json; charset=utf-8}; empty when it is neither. */
    public static Optional<BodyFormat> of(String contentType) {
        if (contentType == null) {
            return Optional.empty();
        }
        String type = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return switch (type) {
            case "application/json" -> Optional.of(JSON);
            case NDJSON_TYPE, "application/ndjson" -> Optional.of(NDJSON);
            default -> Optional.empty();
        };
    }
}
