package io.gameflow.ingest.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.gameflow.ingest.domain.EventScope;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * The answer to a batch: what was written to Kafka and what was not, with where and why. When nothing was written
 * it is also an error body of docs/contracts.md's shape ({@code error}, {@code message}): {@value #FORBIDDEN_EVENT_KIND},
 * answered with 403, when every event was of a kind the API key may not send; else {@value #NO_VALID_EVENTS}, 400.
 */
public record IngestResult(int accepted, int rejected, List<String> eventIds, List<EventError> errors,
                           @Schema(description = "only when nothing was accepted: no_valid_events (400), or "
                                   + "forbidden_event_kind (403) when every event is of a kind the API key may not send")
                           @JsonInclude(JsonInclude.Include.NON_NULL) String error,
                           @JsonInclude(JsonInclude.Include.NON_NULL) String message) {

    public static final String NO_VALID_EVENTS = "no_valid_events";
    public static final String FORBIDDEN_EVENT_KIND = "forbidden_event_kind";

    public static IngestResult of(List<String> eventIds, int rejected, List<EventError> errors) {
        if (eventIds.isEmpty()) {
            return new IngestResult(0, rejected, eventIds, errors, NO_VALID_EVENTS,
                    "none of the " + rejected + " events is valid; errors says where and why, by index");
        }
        return new IngestResult(eventIds.size(), rejected, eventIds, errors, null, null);
    }

    /** Nothing written because no event was of a kind {@code scope} holds. */
    public static IngestResult forbidden(int rejected, List<EventError> errors, EventScope scope) {
        return new IngestResult(0, rejected, List.of(), errors, FORBIDDEN_EVENT_KIND, "this API key may send "
                + scope.describe() + ", and none of the " + rejected + " events is of those kinds; errors lists them by index");
    }

    /** One problem of one event of the request. */
    public record EventError(int index, String path, String message) {
    }
}
