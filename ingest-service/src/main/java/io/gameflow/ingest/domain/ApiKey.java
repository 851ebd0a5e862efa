package io.gameflow.ingest.domain;

/** Who is posting, as far as ingest knows: the name of the key presented (never the key) and what it may send. */
public record ApiKey(String name, EventScope scope) {
}
