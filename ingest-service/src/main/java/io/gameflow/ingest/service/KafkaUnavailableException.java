package io.gameflow.ingest.service;

/** Kafka could not acknowledge the records of a request; the client should retry. */
public class KafkaUnavailableException extends RuntimeException {

    public KafkaUnavailableException(String message) {
        super(message);
    }
}
