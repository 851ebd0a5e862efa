package io.gameflow.metrics.api;

/** Another instance holding part of the state did not answer: a partial answer would be wrong, so 503. */
public class PeerUnavailableException extends RuntimeException {

    public PeerUnavailableException(String peer, Throwable cause) {
        super("instance " + peer + " holding part of the state did not answer: " + cause.getMessage(), cause);
    }
}
