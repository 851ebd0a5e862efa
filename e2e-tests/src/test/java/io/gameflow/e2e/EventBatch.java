package io.gameflow.e2e;

import java.util.List;

/** One POST /v1/events request: the API key, the JSON array as sent (and sent again, byte for byte), its events. */
record EventBatch(String apiKey, String body, List<SentEvent> events) {
}
