package io.gameflow.events;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;

import java.time.Instant;
import java.util.Map;

/** A game server's health sample: CPU and memory in percent, latency in ms. Topic {@code server-metrics}. */
public record ServerMetricEvent(String eventName, Parameters parameters, String eventTimestamp, ServerData serverData,
                                @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {

    public ServerMetricEvent {
        extra = Extra.copy(extra);
    }

    public ServerMetricEvent(Parameters parameters, Instant eventTime, ServerData serverData) {
        this(EventKind.SERVER_METRIC.eventName(), parameters, eventTime.toString(), serverData, Map.of());
    }

    public Instant eventTime() {
        return EventTimes.parse(eventTimestamp);
    }

    public record Parameters(String serverId, double cpuLoad, double memoryUsage, double latency,
                             @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {

        public Parameters {
            extra = Extra.copy(extra);
        }

        public Parameters(String serverId, double cpuLoad, double memoryUsage, double latency) {
            this(serverId, cpuLoad, memoryUsage, latency, Map.of());
        }
    }

    public record ServerData(String region, String serverType,
                             @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {

        public ServerData {
            extra = Extra.copy(extra);
        }

        public ServerData(String region, String serverType) {
            this(region, serverType, Map.of());
        }
    }
}
