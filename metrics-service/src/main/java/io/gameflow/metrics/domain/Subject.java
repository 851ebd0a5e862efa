package io.gameflow.metrics.domain;

/** What an alert is about: one server (with its region and type), or a whole region ({@code serverId} null). */
public record Subject(String serverId, String region, String serverType) {

    public static Subject server(ServerSample sample) {
        return new Subject(sample.serverId(), sample.region(), sample.serverType());
    }

    public static Subject region(String region) {
        return new Subject(null, region, null);
    }

    /** The record key on server-alerts: the server, or the region for region rules. */
    public String key() {
        return serverId != null ? serverId : region;
    }
}
