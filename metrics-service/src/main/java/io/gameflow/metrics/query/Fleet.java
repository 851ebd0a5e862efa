package io.gameflow.metrics.query;

import io.gameflow.metrics.api.InternalResource;
import com.fasterxml.jackson.core.type.TypeReference;
import io.gameflow.metrics.domain.RegionState;
import io.gameflow.metrics.domain.ServerState;
import io.gameflow.metrics.observability.MetricsMeters;
import io.gameflow.metrics.streams.MetricsTopology;
import io.gameflow.streams.support.query.PeerClient;
import io.gameflow.streams.support.query.StreamsInstances;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The state of the whole fleet, whichever instance holds it: this instance's stores, plus the other instances' that
 * host health state, asked over HTTP ({@link PeerClient}). A lookup by server goes to the instance that owns the
 * server.
 */
@ApplicationScoped
public class Fleet {

    private static final TypeReference<List<ServerState>> SERVERS = new TypeReference<>() { };
    private static final TypeReference<Map<String, RegionState>> REGIONS = new TypeReference<>() { };

    private final HealthStores stores;
    private final MetricsMeters meters;
    private final StreamsInstances instances;
    private final PeerClient peers;

    public Fleet(HealthStores stores, MetricsMeters meters, StreamsInstances instances, PeerClient peers) {
        this.stores = stores;
        this.meters = meters;
        this.instances = instances;
        this.peers = peers;
    }

    public List<ServerState> servers() {
        List<ServerState> all = new ArrayList<>(stores.localServers());
        for (String peer : otherInstances()) {
            all.addAll(peers.ask(peer, InternalResource.SERVERS, SERVERS).orElse(List.of()));
        }
        return all;
    }

    /**
     * A page of the fleet's servers after {@code after}: each instance's first {@code limit + 1} matching servers
     * after the cursor (a range read of its stores), merged; beyond {@code limit} of them there is a next page.
     */
    public Page serversPage(String after, int limit, ServerFilter filter) {
        List<ServerPage> parts = new ArrayList<>();
        parts.add(localPage(after, limit + 1, filter));
        String query = "?limit=" + (limit + 1) + (after == null ? "" : "&after=" + ServerFilter.encode(after)) + filter.asQuery();
        for (String peer : otherInstances()) {
            peers.ask(peer, InternalResource.SERVER_PAGE + query, new TypeReference<ServerPage>() { }).ifPresent(parts::add);
        }
        return Page.of(parts, limit);
    }

    /** This instance's part of a page, as it answers a peer too. */
    public ServerPage localPage(String after, int limit, ServerFilter filter) {
        long latest = meters.census().latestSeen();
        return new ServerPage(stores.localServersAfter(after, limit, filter), latest == Long.MIN_VALUE ? null : latest);
    }

    /** Up to limit servers in id order, whether more follow, and the latest sample time of all the servers tracked. */
    public record Page(List<ServerState> servers, boolean more, Instant asOf) {

        public static Page of(List<ServerPage> parts, int limit) {
            List<ServerState> merged = parts.stream().flatMap(part -> part.servers().stream())
                    .sorted(Comparator.comparing(server -> server.latest().serverId(), HealthStores.SERVER_ID_ORDER))
                    .toList();
            Instant asOf = parts.stream().map(ServerPage::latestSeen).filter(Objects::nonNull).max(Long::compare)
                    .map(Instant::ofEpochMilli).orElse(null);
            return new Page(merged.size() > limit ? merged.subList(0, limit) : merged, merged.size() > limit, asOf);
        }
    }

    public Optional<ServerState> server(String serverId) {
        Optional<String> owner = instances.remoteOwnerOf(MetricsTopology.SERVER_STORE, serverId);
        if (owner.isEmpty()) {
            return stores.localServer(serverId);
        }
        return peers.ask(owner.get(), InternalResource.SERVERS + "/" + PeerClient.segment(serverId), new TypeReference<ServerState>() { });
    }

    public Map<String, RegionState> regions() {
        Map<String, RegionState> all = new LinkedHashMap<>(stores.localRegions());
        for (String peer : otherInstances()) {
            all.putAll(peers.ask(peer, InternalResource.REGIONS, REGIONS).orElse(Map.of()));
        }
        return all;
    }

    /** The stream time the servers imply: their latest sample; null before the first. */
    public static java.time.Instant asOf(List<ServerState> servers) {
        return servers.stream().map(s -> s.latest().lastSeenTime()).max(java.util.Comparator.naturalOrder()).orElse(null);
    }

    /** The other instances that host health state. */
    private List<String> otherInstances() {
        return instances.othersHolding(MetricsTopology.SERVER_STORE, MetricsTopology.REGION_STORE);
    }
}
