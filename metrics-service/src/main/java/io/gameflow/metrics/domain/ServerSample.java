package io.gameflow.metrics.domain;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.gameflow.events.ServerMetricEvent;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.Instant;

/**
 * The latest health sample of one game server, as kept in the state store.
 *
 * <p>{@code lastSeen} is the event time as ISO-8601 text (UTC) rather than an {@link Instant}: the store's serde
 * uses the contract's mapper, which like the contract itself carries timestamps as text and has no java.time module.
 * The text comes parsed ({@link SampleTime}), so asking for the time costs nothing.
 */
@RegisterForReflection
public record ServerSample(String serverId, String region, String serverType,
                           double cpuLoad, double memoryUsage, double latency, SampleTime lastSeen) {

    public static ServerSample of(ServerMetricEvent event) {
        ServerMetricEvent.Parameters p = event.parameters();
        ServerMetricEvent.ServerData d = event.serverData();
        return new ServerSample(p.serverId(), d.region(), d.serverType(),
                p.cpuLoad(), p.memoryUsage(), p.latency(), SampleTime.of(event.eventTime()));
    }

    /** The event time of the sample. Ignored by Jackson: it is {@code lastSeen} parsed, not a field of its own. */
    @JsonIgnore
    public Instant lastSeenTime() {
        return lastSeen.instant();
    }

    /** The same sample counted at {@code time} (see {@code ClockSkew}: a sample dated too far ahead counts when it arrived). */
    public ServerSample at(Instant time) {
        return new ServerSample(serverId, region, serverType, cpuLoad, memoryUsage, latency, SampleTime.of(time));
    }

    /**
     * The sample to keep of a stored one and one that just arrived: the later by event time, so a sample
     * that arrives out of order never rolls the state back. On equal event times the arriving one wins,
     * as a resent sample is the producer's latest word.
     */
    public static ServerSample latest(ServerSample stored, ServerSample arrived) {
        if (stored == null) {
            return arrived;
        }
        return arrived.lastSeenTime().isBefore(stored.lastSeenTime()) ? stored : arrived;
    }
}
