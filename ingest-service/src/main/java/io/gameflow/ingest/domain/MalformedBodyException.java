package io.gameflow.ingest.domain;

/** A request body that cannot hold events at all; answered 400. */
public class MalformedBodyException extends RuntimeException {

    public MalformedBodyException(String message) {
        super(message);
    }
}
