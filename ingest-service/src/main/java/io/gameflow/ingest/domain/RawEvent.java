package io.gameflow.ingest.domain;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One entry of a batch before validation: its JSON, or, for an NDJSON line that is not JSON, the line's text
 * and why it could not be read.
 */
public record RawEvent(JsonNode json, String unreadableText, String readError) {

    public static RawEvent of(JsonNode json) {
        return new RawEvent(json, null, null);
    }

    public static RawEvent unreadable(String text, String error) {
        return new RawEvent(null, text, error);
    }

    public boolean isReadable() {
        return json != null;
    }
}
