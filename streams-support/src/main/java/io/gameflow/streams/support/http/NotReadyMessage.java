package io.gameflow.streams.support.http;

/** What a service says, in its own words, while its state is not queryable: each service produces one. */
public record NotReadyMessage(String text) {
}
