package io.gameflow.api;

import java.util.List;

/**
 * The body of every error answer of the four services (docs/contracts.md, "The error body"): a stable code a client
 * can branch on, a message saying what to do, and details when there are any. Here, beside the event contract, so
 * that the services without Kafka Streams (ingest, generator) share it without taking on the Streams plumbing.
 */
public record ErrorBody(String error, String message, List<Object> details) {

    public ErrorBody(String error, String message) {
        this(error, message, List.of());
    }
}
