package io.gameflow.ingest.domain;

/** A Content-Encoding other than identity or gzip; answered 415. */
public class UnsupportedContentEncodingException extends RuntimeException {

    public UnsupportedContentEncodingException(String message) {
        super(message);
    }
}
