package io.gameflow.ingest.domain;

/**
 * Where a batch came from: a client posting with an API key (known by the key's name, never the key), or a web
 * API the pull source polled. Goes with every ingest-rejected record, so a studio can find the sender of bad data.
 */
public record Origin(String source, String apiKey, String url) {

    public static Origin apiKey(String name) {
        return new Origin("http", name, null);
    }

    public static Origin pull(String url) {
        return new Origin("pull", null, url);
    }
}
