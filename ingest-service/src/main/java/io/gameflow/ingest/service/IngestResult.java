package io.gameflow.ingest.service;

import java.util.List;

/** The answer to a POST of events: what was written to Kafka and what was not, with where and why. */
public record IngestResult(int accepted, int rejected, List<String> eventIds, List<EventError> errors) {

    /** One problem of one event of the request. */
    public record EventError(int index, String path, String message) {
    }
}
