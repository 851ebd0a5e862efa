package io.gameflow.ingest.api;

/** A request without a valid API key; answered 401. */
public class UnauthorizedException extends RuntimeException {

    public UnauthorizedException(String message) {
        super(message);
    }
}
