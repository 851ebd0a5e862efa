package io.gameflow.streams.support.input;

import io.gameflow.events.EventKind;
import io.gameflow.events.ServerMetricEvent;

/** An input kind for the tests: server metrics keyed by server id, read as the event itself. */
final class ServerIds {

    static final InputKind<ServerMetricEvent, ServerMetricEvent> KIND = new InputKind<>(EventKind.SERVER_METRIC,
            ServerMetricEvent.class, event -> event, event -> event.parameters().serverId(), "parameters.server_id",
            event -> event.eventTime().toEpochMilli(),
            (event, timeMs) -> new ServerMetricEvent(event.parameters(), java.time.Instant.ofEpochMilli(timeMs), event.serverData()));

    private ServerIds() {
    }

    static String sample(String serverId, String eventTimestamp) {
        return """
                {"event_name":"server_metric","parameters":{"server_id":"%s","cpu_load":78,"memory_usage":65,"latency":120},
                 "event_timestamp":"%s","server_data":{"region":"us-west","server_type":"dedicated"}}"""
                .formatted(serverId, eventTimestamp);
    }
}
