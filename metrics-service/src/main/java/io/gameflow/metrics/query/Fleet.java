package io.gameflow.metrics.query;

import io.gameflow.metrics.api.InternalResource;
import io.gameflow.metrics.api.PeerUnavailableException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.gameflow.events.EventJson;
import io.gameflow.events.PeerKey;
import io.gameflow.events.ReadKeys;
import io.gameflow.metrics.domain.RegionState;
import io.gameflow.metrics.domain.ServerState;
import io.gameflow.metrics.observability.MetricsMeters;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.streams.state.HostInfo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The state of the whole fleet, whichever instance holds it: this instance's stores, plus the other instances'
 * asked over HTTP ({@code /internal/v1/...}, with the peer key when it is on and this instance's read key when read
 * keys are on). A lookup by
 * server goes to the instance that owns the server.
 */
@ApplicationScoped
public class Fleet {

    private static final Duration PEER_TIMEOUT = Duration.ofSeconds(2);
    private static final TypeReference<List<ServerState>> SERVERS = new TypeReference<>() { };
    private static final TypeReference<Map<String, RegionState>> REGIONS = new TypeReference<>() { };

    private final HealthStores stores;
    private final MetricsMeters meters;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(PEER_TIMEOUT).build();
    private final ReadKeys readKeys;
    private final PeerKey peerKey;

    public Fleet(HealthStores stores, MetricsMeters meters, ReadKeys readKeys, PeerKey peerKey) {
        this.stores = stores;
        this.meters = meters;
        this.readKeys = readKeys;
        this.peerKey = peerKey;
    }

    public List<ServerState> servers() {
        List<ServerState> all = new ArrayList<>(stores.localServers());
        for (HostInfo peer : stores.otherInstances()) {
            all.addAll(ask(peer, InternalResource.SERVERS, SERVERS).orElse(List.of()));
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
        for (HostInfo peer : stores.otherInstances()) {
            ask(peer, InternalResource.SERVER_PAGE + query, new TypeReference<ServerPage>() { }).ifPresent(parts::add);
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
        Optional<HostInfo> owner = stores.remoteOwnerOf(serverId);
        if (owner.isEmpty()) {
            return stores.localServer(serverId);
        }
        return ask(owner.get(), InternalResource.SERVERS + "/" + serverId, new TypeReference<ServerState>() { });
    }

    public Map<String, RegionState> regions() {
        Map<String, RegionState> all = new LinkedHashMap<>(stores.localRegions());
        for (HostInfo peer : stores.otherInstances()) {
            all.putAll(ask(peer, InternalResource.REGIONS, REGIONS).orElse(Map.of()));
        }
        return all;
    }

    /** The stream time the servers imply: their latest sample; null before the first. */
    public static java.time.Instant asOf(List<ServerState> servers) {
        return servers.stream().map(s -> s.latest().lastSeenTime()).max(java.util.Comparator.naturalOrder()).orElse(null);
    }

    /** The peer's answer; empty on 404; throws when it does not answer. */
    public <T> Optional<T> ask(HostInfo peer, String path, TypeReference<T> type) {
        String address = peer.host() + ":" + peer.port();
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://" + address + path)).timeout(PEER_TIMEOUT).GET();
            // with read keys on, the other instances guard their internal API too
            readKeys.peerKey().ifPresent(key -> request.header(ReadKeys.HEADER, key));
            peerKey.header().ifPresent(key -> request.header(PeerKey.HEADER, key));
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 404) {
                return Optional.empty();
            }
            if (response.statusCode() != 200) {
                throw new IOException("answered " + response.statusCode() + ": " + response.body());
            }
            return Optional.of(EventJson.mapper().readValue(response.body(), type));
        } catch (IOException e) {
            throw new PeerUnavailableException(address, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PeerUnavailableException(address, e);
        }
    }
}
