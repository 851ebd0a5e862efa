package io.gameflow.ingest.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * The answer to a batch: what was written to Kafka and what was not, with where and why. When nothing was valid
 * it is also an error body of DESIGN.md's shape ({@code error}, {@code message}), answered with 400.
 */
public record IngestResult(int accepted, int rejected, List<String> eventIds, List<EventError> errors,
                           @Schema(description = "no_valid_events, only when nothing was accepted")
                           @JsonInclude(JsonInclude.Include.NON_NULL) String error,
                           @JsonInclude(JsonInclude.Include.NON_NULL) String message) {

    public static IngestResult of(List<String> eventIds, int rejected, List<EventError> errors) {
        if (eventIds.isEmpty()) {
            return new IngestResult(0, rejected, eventIds, errors, "no_valid_events",
                    "none of the " + rejected + " events is valid; errors says where and why, by index");
        }
        return new IngestResult(eventIds.size(), rejected, eventIds, errors, null, null);
    }

    /** One problem of one event of the request. */
    public record EventError(int index, String path, String message) {
    }
}
