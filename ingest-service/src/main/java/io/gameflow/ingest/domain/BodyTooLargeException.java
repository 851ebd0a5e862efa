package io.gameflow.ingest.domain;

/** A body over the size cap, as sent or once inflated; answered 413. */
public class BodyTooLargeException extends RuntimeException {

    public BodyTooLargeException(String message) {
        super(message);
    }
}
