package io.gameflow.metrics.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A snapshot of the latest samples of every known server, and the stream time they imply.
 *
 * <p>The stream time ({@code as_of}) is the latest event time processed. It equals the latest {@code last_seen}
 * of all servers, because each server keeps its own latest sample; deriving it here needs no state of its own
 * and survives restarts with the store.
 */
public final class ServerFleet {

    private final List<ServerSample> servers;
    private final Instant asOf;

    private ServerFleet(List<ServerSample> servers, Instant asOf) {
        this.servers = servers;
        this.asOf = asOf;
    }

    public static ServerFleet of(Collection<ServerSample> samples) {
        List<ServerSample> sorted = samples.stream().sorted(Comparator.comparing(ServerSample::serverId)).toList();
        Instant asOf = sorted.stream().map(ServerSample::lastSeenTime).max(Comparator.naturalOrder()).orElse(null);
        return new ServerFleet(sorted, asOf);
    }

    /** The latest event time processed; empty before the first valid sample. */
    public Optional<Instant> asOf() {
        return Optional.ofNullable(asOf);
    }

    /** Servers sorted by id, only those of {@code region} when given. */
    public List<ServerSample> servers(Optional<String> region) {
        return region.map(r -> servers.stream().filter(s -> r.equals(s.region())).toList()).orElse(servers);
    }

    public Optional<ServerSample> server(String serverId) {
        return servers.stream().filter(s -> s.serverId().equals(serverId)).findFirst();
    }
}
