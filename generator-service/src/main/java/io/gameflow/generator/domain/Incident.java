package io.gameflow.generator.domain;

import java.time.Instant;

/**
 * A planted server problem, as ground truth: what metrics-service should find. {@code serverId} is null for a
 * region-wide incident.
 */
public record Incident(Kind kind, String serverId, String region, Instant start, Instant end) {

    public enum Kind {
        /** One server's CPU above 95 % for the whole incident. */
        CPU_HOT,
        /** One server sends nothing for the whole incident. */
        SILENT,
        /** Every server of a region answers slowly: latency well above 200 ms. */
        REGION_LATENCY
    }

    public boolean covers(Instant time) {
        return !time.isBefore(start) && time.isBefore(end);
    }

    public boolean concerns(String server, String serverRegion) {
        return serverId == null ? region.equals(serverRegion) : serverId.equals(server);
    }
}
