package io.gameflow.ingest.domain;

/**
 * Where a batch came from: a client posting with an API key (known by the key's name, never the key), or a web
 * API the pull source polled; and what that sender may send. Goes with every ingest-rejected record, so a studio can
 * find the sender of bad data.
 */
public record Origin(String source, String apiKey, String url, EventScope scope) {

    public static Origin apiKey(ApiKey key) {
        return new Origin("http", key.name(), null, key.scope());
    }

    /** The pull source's URLs are the operator's own configuration: they may deliver every kind of event. */
    public static Origin pull(String url) {
        return new Origin("pull", null, url, EventScope.ALL);
    }
}
