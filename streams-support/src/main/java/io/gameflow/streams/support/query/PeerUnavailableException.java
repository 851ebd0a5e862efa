package io.gameflow.streams.support.query;

import org.apache.kafka.streams.errors.InvalidStateStoreException;

/**
 * Another instance holding part of the state did not answer: a partial answer would be wrong without saying so, so
 * the whole answer is not ready (503). A kind of {@link InvalidStateStoreException}, so that a service answers it as
 * any other state it cannot read, unless it maps it in words of its own.
 */
public class PeerUnavailableException extends InvalidStateStoreException {

    public PeerUnavailableException(String peer, Throwable cause) {
        super("instance " + peer + " holding part of the state did not answer: " + cause.getMessage(), cause);
    }
}
