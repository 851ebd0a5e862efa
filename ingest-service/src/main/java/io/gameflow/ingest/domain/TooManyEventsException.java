package io.gameflow.ingest.domain;

/** A request with more events than one request may hold; answered 413. */
public class TooManyEventsException extends RuntimeException {

    public TooManyEventsException(String message) {
        super(message);
    }
}
